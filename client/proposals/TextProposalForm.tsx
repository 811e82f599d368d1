/**
 * A form for a proposal made of a text: a new paragraph, an alternative text, a comment. The
 * words are kept as a draft in the browser until tabled or explicitly discarded; Escape closes
 * the form and keeps them.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ProposalKind } from '../../shared/proposals.js';
import { useConfirm } from '../ConfirmDialog.js';
import { messages } from '../i18n/messages.js';
import { actionErrorMessage } from '../readings/actionError.js';
import { browserDrafts, type DraftKey } from './drafts.js';
import { TablingAs } from './TablingAs.js';

/** Props of `TextProposalForm`. */
export interface TextProposalFormProps {
  kind: Extract<ProposalKind, 'insert' | 'alt' | 'comment'>;
  label: string;
  /** The words the form starts with: the proposal's when editing one, the paragraph's for an alternative. */
  initialText?: string;
  /** True when editing a tabled proposal. */
  editing?: boolean;
  /** For an alternative: the paragraph's text, which an alternative must differ from. */
  paragraphText?: string;
  tableAs: readonly { code: string; name: string }[];
  /** Where the words are kept as a draft. */
  draftKey: DraftKey;
  onSubmit(text: string, reservation: boolean, delegation: string | undefined): Promise<void>;
  /** Closes the form; the draft stays. */
  onClose(): void;
}

/** Asks for the text of a new paragraph, an alternative or a comment, then tables it. */
export function TextProposalForm({
  kind,
  label,
  initialText,
  editing = false,
  paragraphText,
  tableAs,
  draftKey,
  onSubmit,
  onClose,
}: TextProposalFormProps) {
  const m = messages.proposals;
  const md = m.drafts;
  const id = useId();
  const drafts = browserDrafts();
  const [restored] = useState(() => drafts.load(draftKey));
  const start = initialText ?? '';
  const [text, setText] = useState(restored?.text ?? start);
  const [reservation, setReservation] = useState(restored?.reservation ?? false);
  const [as, setAs] = useState(
    tableAs.some((t) => t.code === restored?.delegation) ? restored!.delegation! : (tableAs[0]?.code ?? ''),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [kept, setKept] = useState(true);
  const [confirmElement, confirm] = useConfirm();
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    area.current?.focus();
  }, []);

  const dirty = text !== start || reservation;
  useEffect(() => {
    if (!dirty) {
      if (drafts.load(draftKey)) drafts.discard(draftKey);
      return;
    }
    setKept(
      drafts.save(draftKey, {
        text,
        ...(reservation ? { reservation } : {}),
        ...(as ? { delegation: as } : {}),
      }),
    );
  }, [dirty, text, reservation, as, drafts, draftKey]);

  const discard = async () => {
    if (await confirm({ message: md.confirmDiscard, confirmLabel: md.discard })) {
      drafts.discard(draftKey);
      onClose();
    }
  };

  return (
    <form
      className="text-proposal"
      onSubmit={async (e) => {
        e.preventDefault();
        if (kind === 'alt' && paragraphText !== undefined && text.trim() === paragraphText.trim()) {
          setError(m.editor.altUnchanged);
          return;
        }
        setBusy(true);
        setError(null);
        try {
          await onSubmit(text, reservation, tableAs.length > 1 ? as : undefined);
          drafts.discard(draftKey);
        } catch (err) {
          setError(actionErrorMessage(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      <label htmlFor={`${id}-text`}>{m.editor.textLabel(m.kinds[kind], label)}</label>
      <textarea
        id={`${id}-text`}
        ref={area}
        value={text}
        required
        rows={4}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      />
      {restored && (
        <p className="editor-note" role="status">
          {md.restored(new Date(restored.savedAt).toLocaleString())}
        </p>
      )}
      {kind === 'comment' && (
        <label className="field-inline">
          <input type="checkbox" checked={reservation} onChange={(e) => setReservation(e.target.checked)} />{' '}
          {m.editor.reservation}
        </label>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <TablingAs id={`${id}-as`} options={tableAs} value={as} onChange={setAs} />
        <button type="submit" className="primary" disabled={busy || text.trim() === ''}>
          {busy ? m.editor.submitting : editing ? m.editor.save : m.editor.submit}
        </button>
        <button type="button" onClick={onClose} disabled={busy}>
          {m.editor.close}
        </button>
        {(dirty || restored) && (
          <button type="button" className="danger-outline" onClick={() => void discard()} disabled={busy}>
            {md.discard}
          </button>
        )}
      </div>
      {dirty && <p className="hint draft-state">{kept ? md.saved : md.notSaved}</p>}
      {confirmElement}
    </form>
  );
}
