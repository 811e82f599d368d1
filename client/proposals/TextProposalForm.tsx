/** A form for a proposal made of a text: a new paragraph, an alternative text, a comment. */
import { useEffect, useId, useRef, useState } from 'react';
import type { ProposalKind } from '../../shared/proposals.js';
import { messages } from '../i18n/messages.js';
import { actionErrorMessage } from '../readings/actionError.js';
import { TablingAs } from './TablingAs.js';

/** Props of `TextProposalForm`. */
export interface TextProposalFormProps {
  kind: Extract<ProposalKind, 'insert' | 'alt' | 'comment'>;
  label: string;
  initialText?: string;
  tableAs: readonly { code: string; name: string }[];
  onSubmit(text: string, reservation: boolean, delegation: string | undefined): Promise<void>;
  onCancel(): void;
}

/** Asks for the text of a new paragraph, an alternative or a comment, then tables it. */
export function TextProposalForm({
  kind,
  label,
  initialText,
  tableAs,
  onSubmit,
  onCancel,
}: TextProposalFormProps) {
  const m = messages.proposals;
  const id = useId();
  const [text, setText] = useState(initialText ?? '');
  const [reservation, setReservation] = useState(false);
  const [as, setAs] = useState(tableAs[0]?.code ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    area.current?.focus();
  }, []);

  return (
    <form
      className="text-proposal"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          await onSubmit(text, reservation, tableAs.length > 1 ? as : undefined);
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
          if (e.key === 'Escape') onCancel();
        }}
      />
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
          {busy ? m.editor.submitting : initialText ? m.editor.save : m.editor.submit}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {m.editor.cancel}
        </button>
      </div>
    </form>
  );
}
