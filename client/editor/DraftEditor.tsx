/** The draft editor as a React component: mounts the ProseMirror view and its toolbar. */
import { useEffect, useRef, useState } from 'react';
import type { Connection } from '../connection.js';
import { messages } from '../i18n/messages.js';
import { useConnectionState } from '../useConnection.js';
import { createDraftView, type DraftView } from './draftView.js';
import { Toolbar } from './Toolbar.js';

/** Props of `DraftEditor`. */
export interface DraftEditorProps {
  connection: Connection;
  /** Whether this person may change the text (default true); the server may still refuse. */
  editable?: boolean;
}

/** The draft of a negotiation, edited together through `connection`. */
export function DraftEditor({ connection, editable = true }: DraftEditorProps) {
  const mount = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState<DraftView | null>(null);
  const { synced, connection: status, readOnly } = useConnectionState(connection);
  const writable = editable && !readOnly;
  const [loaded, setLoaded] = useState(synced);
  const initiallyWritable = useRef(writable);

  useEffect(() => {
    if (!mount.current) return;
    const created = createDraftView(mount.current, connection, { editable: initiallyWritable.current });
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

  return (
    <div className="draft">
      {draft && writable && <Toolbar draft={draft} />}
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
