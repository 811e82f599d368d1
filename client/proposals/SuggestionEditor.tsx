/**
 * The suggestion editor: the paragraph's words in an editable box in place of the paragraph,
 * with a live preview of the word-level changes the product will record as one amendment.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { changeKind, wordChanges } from '../../shared/wordDiff.js';
import { ApiError } from '../api.js';
import { messages } from '../i18n/messages.js';
import { actionErrorMessage } from '../readings/actionError.js';
import { TablingAs } from './TablingAs.js';

/** Props of `SuggestionEditor`. */
export interface SuggestionEditorProps {
  label: string;
  /** The paragraph's current base text (live). */
  baseText: string;
  /** When editing an existing amendment: its proposed text and the base it was made against. */
  initial?: { text: string; baseText: string };
  tableAs: readonly { code: string; name: string }[];
  /** Sends the amendment; rejects with an ApiError when refused. */
  onSubmit(text: string, baseText: string, delegation: string | undefined): Promise<void>;
  onCancel(): void;
}

/** Edits a paragraph's words as an amendment. */
export function SuggestionEditor({
  label,
  baseText,
  initial,
  tableAs,
  onSubmit,
  onCancel,
}: SuggestionEditorProps) {
  const m = messages.proposals.editor;
  const id = useId();
  const [startedFrom, setStartedFrom] = useState(initial?.baseText ?? baseText);
  const [text, setText] = useState(initial?.text ?? baseText);
  const [as, setAs] = useState(tableAs[0]?.code ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    area.current?.focus();
  }, []);

  const changes = wordChanges(startedFrom, text);

  const submit = async () => {
    if (changes.length === 0) {
      setError(m.noChange);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(text, startedFrom, tableAs.length > 1 ? as : undefined);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'BASE_CHANGED') {
        setStartedFrom(baseText);
        setError(m.rebased);
      } else {
        setError(actionErrorMessage(err));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="suggestion-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={`${id}-text`}>{m.amendLabel(label)}</label>
      <textarea
        id={`${id}-text`}
        ref={area}
        value={text}
        rows={Math.max(3, Math.ceil(text.length / 80))}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
          if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) e.preventDefault();
        }}
      />
      <div className="preview" aria-live="polite">
        <span className="preview-label">{m.preview}:</span>{' '}
        {changes.length === 0 ? (
          <em>{m.noChange}</em>
        ) : (
          changes.map((c) => (
            <span key={`${c.from}-${c.to}`} className={`preview-change ${changeKind(c)}`}>
              [{c.deleted && <del>{c.deleted}</del>}
              {c.deleted && c.inserted ? ' ' : ''}
              {c.inserted && (
                <ins>
                  <strong>{c.inserted}</strong>
                </ins>
              )}
              ]{' '}
            </span>
          ))
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <TablingAs id={`${id}-as`} options={tableAs} value={as} onChange={setAs} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? m.submitting : initial ? m.save : m.submit}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {m.cancel}
        </button>
      </div>
    </form>
  );
}
