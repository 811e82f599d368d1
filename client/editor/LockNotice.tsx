/**
 * Above the text, for co-facilitators: when the cursor is in an agreed ad ref. paragraph, says
 * that its text is locked (and, after an attempt to change it, that the change was not made),
 * with a button that reopens the paragraph. Reopening is a paragraph status change that everyone
 * sees live; the editor unlocks the paragraph as soon as the new status arrives.
 */
import type { EditorState } from 'prosemirror-state';
import { useState, useSyncExternalStore } from 'react';
import { numberParagraphs, paragraphsOf } from '../../shared/numbering.js';
import { isParagraphType } from '../../shared/schema.js';
import { messages } from '../i18n/messages.js';
import type { ProposalApi } from '../proposals/proposalApi.js';
import { actionErrorMessage } from '../readings/actionError.js';
import type { DraftView } from './draftView.js';
import { paragraphInfoOf } from './paragraphInfo.js';

/** The agreed paragraph holding the cursor, with its number, or null. */
export function lockedParagraphAt(state: EditorState): { pid: string; label: string } | null {
  const block = state.selection.$from.node(1);
  if (!block || !isParagraphType(block.type.name)) return null;
  const pid = String(block.attrs.pid);
  const info = paragraphInfoOf(state);
  if (info.statuses[pid] !== 'agreed-ad-ref') return null;
  const label = numberParagraphs(paragraphsOf(state.doc), info.numbering).get(pid) ?? '';
  return { pid, label };
}

/** Props of `LockNotice`. */
export interface LockNoticeProps {
  draft: DraftView;
  api: Pick<ProposalApi, 'setParagraphStatus'>;
  /** The paragraph whose change the editor last refused, if any. */
  refused: string | null;
}

/** The notice and its Reopen button; nothing when the cursor is not in an agreed paragraph. */
export function LockNotice({ draft, api, refused }: LockNoticeProps) {
  const m = messages.editor.lock;
  const locked = useSyncExternalStore(
    (listener) => draft.subscribe(listener),
    () => {
      const at = lockedParagraphAt(draft.view.state);
      return at ? `${at.pid}\n${at.label}` : '';
    },
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pid, label] = locked === '' ? [null, ''] : (locked.split('\n') as [string, string]);
  return (
    <div className="lock-notice" role="status" aria-live="polite" data-testid="lock-notice">
      {pid && (
        <>
          <p>
            <span className="lock-badge">{messages.proposals.paragraphStatuses['agreed-ad-ref']}</span>{' '}
            {refused === pid ? m.refused(label) : m.locked(label)}
          </p>
          <button
            type="button"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              setError(null);
              try {
                await api.setParagraphStatus(pid, 'pending');
              } catch (err) {
                setError(actionErrorMessage(err));
              } finally {
                setBusy(false);
              }
            }}
          >
            {m.reopen(label)}
          </button>
          {error && <p className="error">{error}</p>}
        </>
      )}
    </div>
  );
}
