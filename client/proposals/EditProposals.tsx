/**
 * The proposals beside the co-facilitators' editor: the panel of the paragraph holding the
 * cursor, with the co-facilitators' actions (status, apply, paragraph status). It reuses the
 * compilation's panel and cards; tabling stays in the compilation view. From the text, Tab
 * reaches the panel (it follows the editor in the page) and Shift+Tab goes back.
 */
import type { ParagraphStatus, ProposalView } from '../../shared/proposals.js';
import { messages } from '../i18n/messages.js';
import type { BoardState } from './boardState.js';
import { liveTest, type ProposalFilter } from './compiledText.js';
import { ProposalPanel } from './ProposalPanel.js';
import { useProposalActions } from './useProposalActions.js';
import type { Viewer } from './viewer.js';

/** Every proposal, whatever its delegation, kind or status. */
const ALL: ProposalFilter = { delegation: null, kind: null, status: null };

/** Props of `EditProposals`. */
export interface EditProposalsProps {
  negotiationId: string;
  board: BoardState;
  viewer: Viewer;
  /** The paragraph holding the cursor, or null. */
  paragraph: { pid: string; label: string; status: ParagraphStatus } | null;
  /** A proposal to show selected (one gone to from the changes since the last visit). */
  selectedProposal: string | null;
  since: ReadonlyMap<string, 'tabled' | 'updated'>;
  /** Opens a proposal in the compilation view (to edit one's own). */
  onOpenInCompilation(p: ProposalView): void;
}

/** The side panel of the edit view. */
export function EditProposals({
  negotiationId,
  board,
  viewer,
  paragraph,
  selectedProposal,
  since,
  onOpenInCompilation,
}: EditProposalsProps) {
  const m = messages.workspace.edit;
  const { busy, notice, card, setParagraphStatus } = useProposalActions(negotiationId);
  const live = liveTest(board.negotiation);
  const open = paragraph ? board.proposals.filter((p) => p.pid === paragraph.pid && live(p)).length : 0;
  const actions = {
    ...card,
    edit: onOpenInCompilation,
    carry: onOpenInCompilation,
    start: () => undefined,
    table: () => undefined,
    setParagraphStatus: (status: ParagraphStatus) => {
      if (paragraph) setParagraphStatus(paragraph.pid, status);
    },
  };
  return (
    <aside className="side-panel edit-proposals" aria-label={m.panel} data-testid="edit-proposals">
      <p className="panel-note">{m.keys}</p>
      <p className="visually-hidden" aria-live="polite">
        {paragraph ? m.marker(paragraph.label, open) : ''}
      </p>
      <div role="status" aria-live="polite" className={`notice${notice?.error ? ' error' : ''}`}>
        {notice?.text}
      </div>
      {paragraph ? (
        <ProposalPanel
          viewer={viewer}
          paragraph={paragraph}
          proposals={board.proposals}
          negotiation={board.negotiation}
          filter={ALL}
          selectedProposal={selectedProposal}
          since={since}
          busy={busy}
          actions={actions}
          form={null}
          propose={false}
        />
      ) : (
        <p className="panel-empty">{m.empty}</p>
      )}
    </aside>
  );
}
