/** The draft editor as a React component: mounts the ProseMirror view and its toolbar. */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Connection } from '../connection.js';
import { messages } from '../i18n/messages.js';
import { proposalApi } from '../proposals/proposalApi.js';
import { useBoard } from '../proposals/useBoard.js';
import { useConnectionState } from '../useConnection.js';
import { createDraftView, type DraftView } from './draftView.js';
import { LockNotice } from './LockNotice.js';
import { Toolbar } from './Toolbar.js';

/** Props of `DraftEditor`. */
export interface DraftEditorProps {
  negotiationId: string;
  connection: Connection;
  /** Whether this person may change the text (default true); the server may still refuse. */
  editable?: boolean;
}

/** The draft of a negotiation, edited together through `connection`. */
export function DraftEditor({ negotiationId, connection, editable = true }: DraftEditorProps) {
  const mount = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState<DraftView | null>(null);
  const board = useBoard(negotiationId);
  const api = useMemo(() => proposalApi(negotiationId), [negotiationId]);
  const [refused, setRefused] = useState<string | null>(null);
  const { synced, connection: status, readOnly } = useConnectionState(connection);
  const writable = editable && !readOnly;
  const [loaded, setLoaded] = useState(synced);
  const initiallyWritable = useRef(writable);

  useEffect(() => {
    if (!mount.current) return;
    const created = createDraftView(mount.current, connection, {
      editable: initiallyWritable.current,
      onLocked: setRefused,
    });
    setDraft(created);
    return () => {
      created.destroy();
      setDraft(null);
    };
  }, [connection]);

  useEffect(() => {
    draft?.setEditable(writable);
  }, [draft, writable]);

  useEffect(() => {
    if (synced) setLoaded(true);
  }, [synced]);

  // Statuses lock agreed paragraphs and mark deleted ones; the basis numbers them for the reading.
  useEffect(() => {
    draft?.setParagraphInfo({ statuses: board.statuses, numbering: board.numbering });
  }, [draft, board.statuses, board.numbering]);

  return (
    // Readers see the clean text: paragraphs marked deleted are left out (draft.css).
    <div className={writable ? 'draft' : 'draft clean'}>
      {draft && writable && (
        <div className="editor-bar">
          <Toolbar draft={draft} />
          <LockNotice draft={draft} api={api} refused={refused} />
        </div>
      )}
      {!writable && (
        <p className="read-only-note" data-testid="read-only-note">
          {messages.negotiation.readOnlyNote}
        </p>
      )}
      {!loaded && status !== 'closed' && (
        <p className="loading" aria-busy="true">
          {messages.editor.loading}
        </p>
      )}
      <div ref={mount} className="sheet" data-testid="draft-editor" aria-busy={!loaded} />
    </div>
  );
}
