/**
 * The proposals board: a read-only copy of the server's proposals document for one negotiation
 * (every proposal's view and every paragraph's status), kept live over its own read-only
 * connection (nobody but the server writes that document). A plain module; React subscribes
 * with `useBoard`.
 */
import { decodeLiveView } from '../../shared/liveView.js';
import {
  PARAGRAPH_STATUS_MAP,
  type ParagraphStatus,
  type ParagraphStatusView,
  PROPOSALS_MAP,
  type ProposalView,
} from '../../shared/proposals.js';
import { proposalsDocName } from '../../shared/protocol.js';
import { type ConnectionOptions, createConnection } from '../connection.js';

/** What the board shows. Replaced as a whole on every change. */
export interface BoardState {
  synced: boolean;
  /** All proposals, oldest first. */
  proposals: readonly ProposalView[];
  /** Paragraph statuses; paragraphs not listed are pending. */
  statuses: Readonly<Record<string, ParagraphStatus>>;
}

/** A live board. */
export interface Board {
  getState(): BoardState;
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

/** Opens the board of a negotiation (`options` for tests: another socket or server). */
export function createBoard(negotiationId: string, options: Omit<ConnectionOptions, 'writable'> = {}): Board {
  const connection = createConnection(proposalsDocName(negotiationId), null, { ...options, writable: false });
  const { doc, provider } = connection;
  const proposals = doc.getMap<unknown>(PROPOSALS_MAP);
  const paragraphs = doc.getMap<ParagraphStatusView>(PARAGRAPH_STATUS_MAP);
  const listeners = new Set<() => void>();
  let state: BoardState = { synced: false, proposals: [], statuses: {} };
  // Each view is parsed once, when its entry changes.
  const views = new Map<string, ProposalView>();
  proposals.observe((event) => {
    for (const id of event.keysChanged) {
      const view = decodeLiveView(proposals.get(id));
      if (view) views.set(id, view);
      else views.delete(id);
    }
  });

  const refresh = () => {
    const list = [...views.values()].sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
    );
    const statuses: Record<string, ParagraphStatus> = {};
    for (const [pid, v] of paragraphs.entries()) statuses[pid] = v.status;
    state = { synced: provider.synced, proposals: list, statuses };
    for (const l of listeners) l();
  };
  doc.on('update', refresh);
  provider.on('sync', refresh);

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      listeners.clear();
      connection.destroy();
    },
  };
}
