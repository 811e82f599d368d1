/**
 * The working view of a negotiation: a header with status and presence above the text, shown as
 * the compilation (the default reading view) or as the text itself, which co-facilitators edit
 * with the proposals of the paragraph under the cursor beside it. Above either, what changed
 * since the reader's last visit.
 */
import { useCallback, useMemo, useState } from 'react';
import { changesSince, draftTexts, type VisitChange } from '../shared/visits.js';
import type { Connection } from './connection.js';
import { DraftEditor } from './editor/DraftEditor.js';
import type { ParagraphInfo } from './editor/paragraphInfo.js';
import type { ParagraphMarks } from './editor/paragraphMarks.js';
import { NegotiationHeader } from './NegotiationHeader.js';
import type { Negotiation } from './negotiationsApi.js';
import { localUserOf } from './presence.js';
import { CompilationView } from './proposals/CompilationView.js';
import { liveTest } from './proposals/compiledText.js';
import { EditProposals } from './proposals/EditProposals.js';
import { useBoard } from './proposals/useBoard.js';
import { useDraftVersion } from './proposals/useDraftVersion.js';
import type { Viewer } from './proposals/viewer.js';
import { ExportLinks } from './readings/ExportLinks.js';
import { LIVE } from './readings/routes.js';
import { StatusBar } from './StatusBar.js';
import type { Me } from './session/sessionApi.js';
import { useConnection, useConnectionState } from './useConnection.js';
import { type TextView, ViewSwitch } from './ViewSwitch.js';
import { SinceLastVisit } from './visits/SinceLastVisit.js';
import { marksOf, NO_MARKS, type Reveal } from './visits/sinceMarks.js';
import { useLastVisit } from './visits/useLastVisit.js';

/** Props of `DraftWorkspace`. */
export interface DraftWorkspaceProps {
  negotiation: Negotiation;
  me: Me;
}

/** Opens the negotiation's draft: editable for co-facilitators, read-only for everyone else. */
export function DraftWorkspace({ negotiation, me }: DraftWorkspaceProps) {
  const user = useMemo(() => localUserOf(negotiation.me), [negotiation.me]);
  const canEdit = negotiation.me.canEditText;
  const connection = useConnection(negotiation.docName, user, canEdit);
  // Co-facilitators start where they work, in the text; everyone else reads the compilation.
  const [view, setView] = useState<TextView>(canEdit ? 'text' : 'compilation');
  return (
    <div className="workspace">
      <NegotiationHeader me={me} negotiation={negotiation} current="text" titleIsHeading>
        {connection && <StatusBar connection={connection} />}
      </NegotiationHeader>
      <main className="draft-area">
        <div className="text-tools">
          <ViewSwitch value={view} canEdit={canEdit} onChange={setView} />
          <ExportLinks
            negotiationId={negotiation.id}
            snapshotId={LIVE}
            mode={view === 'compilation' ? 'compilation' : 'clean'}
            label={negotiation.title}
            currentOnly
          />
        </div>
        {connection && (
          <WorkspaceBody negotiation={negotiation} connection={connection} view={view} setView={setView} />
        )}
      </main>
    </div>
  );
}

/** Props of `WorkspaceBody`. */
interface WorkspaceBodyProps {
  negotiation: Negotiation;
  connection: Connection;
  view: TextView;
  setView(view: TextView): void;
}

/** The changes since the last visit and the text in the chosen view, over one open connection. */
function WorkspaceBody({ negotiation, connection, view, setView }: WorkspaceBodyProps) {
  const { doc } = connection;
  const canEdit = negotiation.me.canEditText;
  const viewer: Viewer = useMemo(
    // Only participants reach the text (NegotiationPage); a role is always there.
    () => ({ role: negotiation.me.role ?? 'observer', delegation: negotiation.me.delegation }),
    [negotiation.me],
  );
  const board = useBoard(negotiation.id);
  const version = useDraftVersion(doc);
  const { synced } = useConnectionState(connection);
  const [arrived, setArrived] = useState(synced);
  if (synced && !arrived) setArrived(true);
  const { previous, dismiss } = useLastVisit(negotiation.id, negotiation.me.personId);
  const [reveal, setReveal] = useState<Reveal | null>(null);
  const [cursorPid, setCursorPid] = useState<string | null>(null);

  const paragraphs: ParagraphInfo = useMemo(
    () => ({ statuses: board.statuses, numbering: board.numbering }),
    [board.statuses, board.numbering],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` changes whenever the Y.Doc does
  const texts = useMemo(() => draftTexts(doc, board.numbering), [doc, version, board.numbering]);
  const changes = useMemo(
    () =>
      previous && arrived && board.synced
        ? changesSince(previous.seen, {
            paragraphs: texts,
            statuses: board.statuses,
            proposals: board.proposals,
          })
        : null,
    [previous, arrived, board, texts],
  );
  const since = useMemo(() => (changes ? marksOf(changes) : NO_MARKS), [changes]);
  const editMarks: ParagraphMarks = useMemo(() => {
    const counts = new Map<string, number>();
    const live = liveTest(board.negotiation);
    if (canEdit && view === 'text')
      for (const p of board.proposals) if (live(p)) counts.set(p.pid, (counts.get(p.pid) ?? 0) + 1);
    return { counts, since: since.paragraphs };
  }, [board, since, canEdit, view]);

  const go = useCallback(
    (change: VisitChange) => {
      const proposalId = 'proposal' in change ? change.proposal.id : null;
      // Proposals show in the compilation, or beside the co-facilitators' editor.
      if (proposalId && !canEdit) setView('compilation');
      setReveal((r) => ({ pid: change.pid, proposalId, seq: (r?.seq ?? 0) + 1 }));
    },
    [canEdit, setView],
  );

  const openInCompilation = useCallback(
    (p: { pid: string; id: string }) => {
      setView('compilation');
      setReveal((r) => ({ pid: p.pid, proposalId: p.id, seq: (r?.seq ?? 0) + 1 }));
    },
    [setView],
  );

  const cursorParagraph = texts.find((t) => t.pid === cursorPid);
  return (
    <>
      {previous && changes && (
        <SinceLastVisit visit={previous} changes={changes} onGo={go} onDismiss={dismiss} />
      )}
      {view === 'compilation' ? (
        <CompilationView
          negotiationId={negotiation.id}
          doc={doc}
          board={board}
          viewer={viewer}
          personId={negotiation.me.personId}
          since={since}
          reveal={reveal}
        />
      ) : canEdit ? (
        <div className="compilation-layout edit-layout">
          <DraftEditor
            negotiationId={negotiation.id}
            connection={connection}
            paragraphs={paragraphs}
            editable
            marks={editMarks}
            onParagraph={setCursorPid}
            reveal={reveal}
          />
          <EditProposals
            negotiationId={negotiation.id}
            board={board}
            viewer={viewer}
            paragraph={
              cursorParagraph
                ? {
                    pid: cursorParagraph.pid,
                    label: cursorParagraph.label,
                    status: board.statuses[cursorParagraph.pid] ?? 'pending',
                  }
                : null
            }
            selectedProposal={reveal?.pid === cursorPid ? reveal.proposalId : null}
            since={since.proposals}
            onOpenInCompilation={openInCompilation}
          />
        </div>
      ) : (
        <DraftEditor
          negotiationId={negotiation.id}
          connection={connection}
          paragraphs={paragraphs}
          editable={false}
          marks={editMarks}
          reveal={reveal}
        />
      )}
    </>
  );
}
