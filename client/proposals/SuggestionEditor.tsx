/**
 * The suggestion editor: the paragraph's words in an editable box in place of the paragraph,
 * with a live preview of the word-level changes the product will record as one amendment.
 * When the co-facilitators change the paragraph meanwhile, the delegate's own changes are
 * carried onto the new text at once (`shared/rebase.ts`); where both changed the same words,
 * the delegate chooses. The words are kept as a draft in the browser until tabled or discarded.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { carryOffset, rebase, resolveRebase } from '../../shared/rebase.js';
import { changeKind, wordChanges } from '../../shared/wordDiff.js';
import { ApiError } from '../api.js';
import { useConfirm } from '../ConfirmDialog.js';
import { messages } from '../i18n/messages.js';
import { actionErrorMessage } from '../readings/actionError.js';
import { browserDrafts, type DraftKey } from './drafts.js';
import { type ConflictChoice, RebaseConflicts } from './RebaseConflicts.js';
import { TablingAs } from './TablingAs.js';

/** Props of `SuggestionEditor`. */
export interface SuggestionEditorProps {
  label: string;
  /** The paragraph's current base text (live). */
  baseText: string;
  /** When editing an existing amendment: its proposed text and the base it was made against. */
  initial?: { text: string; baseText: string };
  /** True when opened to carry an outdated amendment onto the current text. */
  carrying?: boolean;
  tableAs: readonly { code: string; name: string }[];
  /** Where the words are kept as a draft. */
  draftKey: DraftKey;
  /** Sends the amendment; rejects with an ApiError when refused. */
  onSubmit(text: string, baseText: string, delegation: string | undefined): Promise<void>;
  /** Closes the editor; the draft stays. */
  onClose(): void;
}

/** Edits a paragraph's words as an amendment. */
export function SuggestionEditor({
  label,
  baseText,
  initial,
  carrying = false,
  tableAs,
  draftKey,
  onSubmit,
  onClose,
}: SuggestionEditorProps) {
  const m = messages.proposals.editor;
  const md = messages.proposals.drafts;
  const id = useId();
  const drafts = browserDrafts();
  const [restored] = useState(() => drafts.load(draftKey));
  /** The base text the delegate's words are written against. */
  const [seen, setSeen] = useState(restored?.baseText ?? initial?.baseText ?? baseText);
  const [text, setText] = useState(restored?.text ?? initial?.text ?? baseText);
  const [as, setAs] = useState(
    tableAs.some((t) => t.code === restored?.delegation) ? restored!.delegation! : (tableAs[0]?.code ?? ''),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(
    restored ? md.restored(new Date(restored.savedAt).toLocaleString()) : carrying ? m.carrying : null,
  );
  const [kept, setKept] = useState(true);
  const [choices, setChoices] = useState<{ key: string; list: ConflictChoice[] }>({ key: '', list: [] });
  const [confirmElement, confirm] = useConfirm();
  const area = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<[number, number] | null>(null);

  useEffect(() => {
    area.current?.focus();
  }, []);

  // The co-facilitators' changes since `seen`, with the delegate's carried onto them.
  const rebased = useMemo(
    () => (seen === baseText ? null : rebase(seen, text, baseText)),
    [seen, text, baseText],
  );
  const conflicts = rebased?.conflicts ?? [];
  const conflictKey = rebased && conflicts.length > 0 ? JSON.stringify(conflicts) : '';
  const currentChoices =
    choices.key === conflictKey
      ? choices.list
      : conflicts.map((c): ConflictChoice => ({ pick: null, words: c.mine }));

  useLayoutEffect(() => {
    if (!rebased || rebased.conflicts.length > 0) return;
    const box = area.current;
    if (box && document.activeElement === box)
      caret.current = [
        carryOffset(text, rebased.text, box.selectionStart),
        carryOffset(text, rebased.text, box.selectionEnd),
      ];
    setSeen(baseText);
    setText(rebased.text);
    setNote(m.carried);
  }, [rebased, baseText, text, m.carried]);

  useLayoutEffect(() => {
    if (!caret.current || !area.current) return;
    area.current.setSelectionRange(...caret.current);
    caret.current = null;
  });

  // Keep the words as a draft while they differ from where the editor started.
  const dirty = initial ? text !== initial.text || seen !== initial.baseText : text !== seen;
  useEffect(() => {
    if (!dirty) {
      if (drafts.load(draftKey)) drafts.discard(draftKey);
      return;
    }
    setKept(drafts.save(draftKey, { text, baseText: seen, ...(as ? { delegation: as } : {}) }));
  }, [dirty, text, seen, as, drafts, draftKey]);

  const changes = conflicts.length > 0 ? [] : wordChanges(seen, text);

  const submit = async () => {
    if (conflicts.length > 0) {
      setError(m.resolveFirst);
      return;
    }
    if (changes.length === 0) {
      setError(m.noChange);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(text, seen, tableAs.length > 1 ? as : undefined);
      drafts.discard(draftKey);
    } catch (err) {
      // The live text will bring the new base; the effect above then carries the words onto it.
      if (err instanceof ApiError && err.code === 'BASE_CHANGED') setError(m.raced);
      else setError(actionErrorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const applyChoices = () => {
    if (!rebased) return;
    const words = conflicts.map((c, i) => {
      const choice = currentChoices[i]!;
      return choice.pick === 'mine' ? c.mine : choice.pick === 'theirs' ? c.theirs : choice.words;
    });
    setText(resolveRebase(rebased, words));
    setSeen(baseText);
    setNote(messages.proposals.conflicts.applied);
    area.current?.focus();
  };

  const discard = async () => {
    if (await confirm({ message: md.confirmDiscard, confirmLabel: md.discard })) {
      drafts.discard(draftKey);
      onClose();
    }
  };

  return (
    // Escape closes the editor (the draft stays) from anywhere in it: the text box, the conflict
    // choices, the tabling options; not from its confirmation dialog, which Escape closes alone.
    <form
      className="suggestion-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        if (e.target instanceof Element && e.target.closest('dialog')) return;
        e.preventDefault();
        onClose();
      }}
    >
      <label htmlFor={`${id}-text`}>{m.amendLabel(label)}</label>
      <textarea
        id={`${id}-text`}
        ref={area}
        value={text}
        readOnly={conflicts.length > 0}
        aria-describedby={`${id}-note`}
        rows={Math.max(3, Math.ceil(text.length / 80))}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
          if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) e.preventDefault();
        }}
      />
      <p id={`${id}-note`} className="editor-note" aria-live="polite">
        {note}
      </p>
      {rebased && conflicts.length > 0 && (
        <RebaseConflicts
          rebased={rebased}
          choices={currentChoices}
          onChange={(i, choice) =>
            setChoices({ key: conflictKey, list: currentChoices.map((c, j) => (j === i ? choice : c)) })
          }
          onApply={applyChoices}
        />
      )}
      {conflicts.length === 0 && (
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
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <TablingAs id={`${id}-as`} options={tableAs} value={as} onChange={setAs} />
        <button type="submit" className="primary" disabled={busy || conflicts.length > 0}>
          {busy ? m.submitting : initial ? m.save : m.submit}
        </button>
        <button type="button" onClick={onClose} disabled={busy}>
          {m.close}
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
