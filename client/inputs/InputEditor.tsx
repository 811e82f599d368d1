/** A text area to write or change a written input, with its length, checks and the server's refusals. */
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { INPUT_LIMITS } from '../../shared/inputs.js';
import { ApiError } from '../api.js';
import { errorMessage, messages } from '../i18n/messages.js';

/** Props of `InputEditor`. */
export interface InputEditorProps {
  label: string;
  /** Shown under the label, e.g. the question or the paragraph's words. */
  context?: ReactNode;
  initialText?: string;
  submitLabel: string;
  /** Sends the text; rejects with an `ApiError` when the server refuses it. */
  onSubmit(text: string): Promise<void>;
  onCancel?: (() => void) | undefined;
  /** A check of the extra fields before sending: a problem in words, or null. */
  check?: () => string | null;
  /** Extra fields above the text (e.g. the paragraph). */
  children?: ReactNode;
  testId?: string;
}

/** The editor of one input. */
export function InputEditor({
  label,
  context,
  initialText = '',
  submitLabel,
  onSubmit,
  onCancel,
  check,
  children,
  testId,
}: InputEditorProps) {
  const m = messages.roadmap.inputs;
  const ids = useId();
  const [text, setText] = useState(initialText);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const length = text.trim().length;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local =
      check?.() ??
      (length === 0 ? m.empty : length > INPUT_LIMITS.text ? m.tooLong(INPUT_LIMITS.text) : null);
    setProblem(local);
    if (local) {
      document.getElementById(`${ids}-text`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await onSubmit(text);
    } catch (error) {
      setProblem(errorMessage(error instanceof ApiError ? error.code : 'INTERNAL'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form input-editor" onSubmit={submit} noValidate data-testid={testId}>
      {children}
      <div className="field">
        <label htmlFor={`${ids}-text`}>{label}</label>
        {context && (
          <div className="input-context" id={`${ids}-context`}>
            {context}
          </div>
        )}
        <textarea
          id={`${ids}-text`}
          rows={5}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={[context ? `${ids}-context` : '', `${ids}-count`, problem ? `${ids}-problem` : '']
            .filter(Boolean)
            .join(' ')}
        />
        <p id={`${ids}-count`} className={length > INPUT_LIMITS.text ? 'hint over' : 'hint'}>
          {m.characters(length, INPUT_LIMITS.text)}
        </p>
        {problem && (
          <p id={`${ids}-problem`} className="field-error" role="alert">
            {problem}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? m.submitting : submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} disabled={busy}>
            {m.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
