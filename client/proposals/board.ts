/**
 * The proposals board: a read-only copy of the server's proposals document for one negotiation
 * (every proposal's view and who last changed it, every paragraph's status, the numbering basis,
 * where the negotiation stands and the co-facilitators' notices), kept live over its own read-only connection (nobody but the server
 * writes that document). A plain module: every part of the page that needs the board shares one
 * copy (`acquireBoard`); React subscribes with `useBoard`.
 */
import { decodeLiveView } from '../../shared/liveView.js';
import {
  decodeNegotiationState,
  decodeNotice,
  NEGOTIATION_MAP,
  NOTICES_ARRAY,
} from '../../shared/negotiationState.js';
import type { NumberingBasis } from '../../shared/numbering.js';
import {
  NUMBERING_MAP,
  PARAGRAPH_STATUS_MAP,
  type ParagraphStatus,
  type ParagraphStatusView,
  PROPOSAL_ACTORS_MAP,
  PROPOSALS_MAP,
  type ProposalView,
} from '../../shared/proposals.js';
import { proposalsDocName } from '../../shared/protocol.js';
import { type ConnectionOptions, createConnection } from '../connection.js';
import { type Board, type BoardState, EMPTY_BOARD } from './boardState.js';

/**
 * Opens the board of a negotiation, on a connection of its own (`options` for tests: another
 * socket or server); most callers want the shared one, `acquireBoard`.
 */
export function createBoard(negotiationId: string, options: Omit<ConnectionOptions, 'writable'> = {}): Board {
  const connection = createConnection(proposalsDocName(negotiationId), null, { ...options, writable: false });
  const { doc, provider } = connection;
  const proposals = doc.getMap<unknown>(PROPOSALS_MAP);
  const paragraphs = doc.getMap<ParagraphStatusView>(PARAGRAPH_STATUS_MAP);
  const negotiation = doc.getMap<unknown>(NEGOTIATION_MAP);
  const notices = doc.getArray<unknown>(NOTICES_ARRAY);
  const numberingMap = doc.getMap<string>(NUMBERING_MAP);
  const actors = doc.getMap<unknown>(PROPOSAL_ACTORS_MAP);
  const listeners = new Set<() => void>();
  let state: BoardState = EMPTY_BOARD;
  // Rebuilt only when the basis changes (a revision is circulated), so it can serve as a memo key.
  let numbering: NumberingBasis = EMPTY_BOARD.numbering;
  numberingMap.observe(() => {
    numbering = new Map(numberingMap.entries());
  });
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
    state = {
      synced: provider.synced,
      proposals: list,
      statuses,
      negotiation: decodeNegotiationState((key) => negotiation.get(key)) ?? null,
      notices: notices.toArray().flatMap((n) => decodeNotice(n) ?? []),
      numbering,
      changedBy: new Map(
        [...actors.entries()].filter((e): e is [string, string] => typeof e[1] === 'string'),
      ),
    };
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

/** How long a board nobody holds stays open, so that moving between pages keeps its connection. */
const LINGER_MS = 5_000;

interface Shared {
  board: Board;
  holders: number;
  closing: ReturnType<typeof setTimeout> | null;
}

const shared = new Map<string, Shared>();

/**
 * The shared board of a negotiation, opened on first use; call the returned `release` when done.
 * The connection closes a few seconds after the last holder releases it.
 */
export function acquireBoard(negotiationId: string): { board: Board; release(): void } {
  let entry = shared.get(negotiationId);
  if (!entry) {
    entry = { board: createBoard(negotiationId), holders: 0, closing: null };
    shared.set(negotiationId, entry);
  }
  const held = entry;
  held.holders++;
  if (held.closing) {
    clearTimeout(held.closing);
    held.closing = null;
  }
  let released = false;
  return {
    board: held.board,
    release() {
      if (released) return;
      released = true;
      held.holders--;
      if (held.holders > 0) return;
      held.closing = setTimeout(() => {
        if (held.holders > 0) return;
        shared.delete(negotiationId);
        held.board.destroy();
      }, LINGER_MS);
    },
  };
}
