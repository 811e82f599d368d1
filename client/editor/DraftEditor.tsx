/** The draft editor as a React component: mounts the ProseMirror view and its toolbar. */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Connection } from '../connection.js';
import { messages } from '../i18n/messages.js';
import { proposalApi } from '../proposals/proposalApi.js';
import { useConnectionState } from '../useConnection.js';
import type { Reveal } from '../visits/sinceMarks.js';
import { createDraftView, type DraftView } from './draftView.js';
import { LockNotice } from './LockNotice.js';
import { NO_PARAGRAPH_INFO, type ParagraphInfo } from './paragraphInfo.js';
import { NO_PARAGRAPH_MARKS, type ParagraphMarks, paragraphAtCursor } from './paragraphMarks.js';
import { Toolbar } from './Toolbar.js';

/** Props of `DraftEditor`. */
export interface DraftEditorProps {
  negotiationId: string;
  connection: Connection;
  /**
   * Paragraph statuses and the numbering basis, from the proposals board: agreed paragraphs are
   * locked, deleted ones struck (left out for readers), numbers those of the reading.
   */
  paragraphs?: ParagraphInfo;
  /** Whether this person may change the text (default true); the server may still refuse. */
  editable?: boolean;
  /** Proposal counts and changes since the last visit, marked on the paragraphs. */
  marks?: ParagraphMarks;
  /** Told the id of the paragraph holding the cursor whenever it changes (null outside one). */
  onParagraph?: (pid: string | null) => void;
  /** A paragraph to put the cursor in and scroll to. */
  reveal?: Reveal | null;
}

/** The draft of a negotiation, edited together through `connection`. */
export function DraftEditor({
  negotiationId,
  connection,
  paragraphs = NO_PARAGRAPH_INFO,
  editable = true,
  marks = NO_PARAGRAPH_MARKS,
  onParagraph,
  reveal = null,
}: DraftEditorProps) {
  const mount = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState<DraftView | null>(null);
  const { synced, connection: status, readOnly } = useConnectionState(connection);
  const writable = editable && !readOnly;
  const [loaded, setLoaded] = useState(synced);
  const initiallyWritable = useRef(writable);
  const api = useMemo(() => proposalApi(negotiationId), [negotiationId]);
  const [refused, setRefused] = useState<string | null>(null);

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

  useEffect(() => {
    draft?.setMarks(marks);
  }, [draft, marks]);

  useEffect(() => {
    draft?.setParagraphInfo(paragraphs);
  }, [draft, paragraphs]);

  useEffect(() => {
    if (!draft || !onParagraph) return;
    let last: string | null | undefined;
    const tell = () => {
      const pid = paragraphAtCursor(draft.view.state);
      if (pid === last) return;
      last = pid;
      onParagraph(pid);
    };
    tell();
    return draft.subscribe(tell);
  }, [draft, onParagraph]);

  // The draft may arrive after the request: try again as it does.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `loaded` makes the draft's paragraphs present
  useEffect(() => {
    if (draft && reveal) draft.reveal(reveal.pid);
  }, [draft, reveal, loaded]);

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
