/**
 * The suggestion editor: a proposal written where the paragraph stands, its brackets forming as
 * the delegate types (`suggestionView.ts`). For an amendment the editor takes the paragraph's
 * place and its text starts as the paragraph's; an alternative starts from it below the
 * paragraph; a new paragraph starts empty below the one it follows. While a delegate amends,
 * the co-facilitators' changes to the paragraph come into the editor as they happen, the
 * delegate's own changes carried onto them (`shared/rebase.ts`); where both changed the same
 * words, the delegate chooses. The words are kept as a draft in the browser until tabled or
 * discarded.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { rebase, resolveRebase } from '../../../shared/rebase.js';
import type { SnapshotRun } from '../../../shared/snapshot.js';
import { wordChanges } from '../../../shared/wordDiff.js';
import { ApiError } from '../../api.js';
import { useConfirm } from '../../ConfirmDialog.js';
import { messages } from '../../i18n/messages.js';
import { actionErrorMessage } from '../../readings/actionError.js';
import { browserDrafts, type DraftKey } from '../drafts.js';
import { type ConflictChoice, RebaseConflicts } from '../RebaseConflicts.js';
import { TablingAs } from '../TablingAs.js';
import { describeChanges } from './suggestionChanges.js';
import { baseOf } from './suggestionDoc.js';
import { createSuggestionView, type SuggestionView } from './suggestionView.js';
import { useAnnouncement } from './useAnnouncement.js';
import './suggestion.css';

/** The kinds of proposal written in the suggestion editor. */
export type SuggestionKind = 'amend' | 'alt' | 'insert';

/** Props of `SuggestionEditor`. */
export interface SuggestionEditorProps {
  kind: SuggestionKind;
  /** What is written: "OP4" for an amendment, "OP5 alt", "OP5bis". */
  label: string;
  /** The paragraph's current text (live); empty for a new paragraph. */
  baseText: string;
  /** The same with its formatting. */
  baseRuns: readonly SnapshotRun[];
  /** When editing a tabled proposal: its text (and for an amendment the base it was made against). */
  initial?: { text: string; baseText?: string } | undefined;
  /** True when opened to carry an outdated amendment onto the current text. */
  carrying?: boolean;
  /**
   * Why nothing can be tabled on the paragraph now (it was agreed, the reading closed), or null:
   * the editor says so, its words are kept as a draft and it takes no typing.
   */
  closed?: string | null;
  tableAs: readonly { code: string; name: string }[];
  /** Where the words are kept as a draft. */
  draftKey: DraftKey;
  /** Sends the proposal (`baseText` is what an amendment was written against); rejects with an ApiError when refused. */
  onSubmit(text: string, baseText: string, delegation: string | undefined): Promise<void>;
  /** Closes the editor; the draft stays. */
  onClose(): void;
}

/** Writes an amendment, an alternative or a new paragraph in place. */
export function SuggestionEditor({
  kind,
  label,
  baseText,
  baseRuns,
  initial,
  carrying = false,
  closed = null,
  tableAs,
  draftKey,
  onSubmit,
  onClose,
}: SuggestionEditorProps) {
  const m = messages.proposals.editor;
  const ms = messages.proposals.suggestion;
  const md = messages.proposals.drafts;
  const amend = kind === 'amend';
  const id = useId();
  const drafts = browserDrafts();
  const [restored] = useState(() => drafts.load(draftKey));
  /** The base text the delegate's words are written against. */
  const [seen, setSeen] = useState(amend ? (restored?.baseText ?? initial?.baseText ?? baseText) : baseText);
  const start = initial?.text ?? (kind === 'insert' ? '' : seen);
  const [text, setText] = useState(restored?.text ?? start);
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
  const mount = useRef<HTMLDivElement>(null);
  const editor = useRef<SuggestionView | null>(null);
  const submitRef = useRef<() => void>(() => {});
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  // The base with its formatting: the paragraph's runs carried onto the text the words are written against.
  const runsKey = JSON.stringify(baseRuns);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `runsKey` stands for `baseRuns`
  const base = useMemo(() => baseOf(seen, baseRuns), [seen, runsKey]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the view is made once; it reports its text
  useEffect(() => {
    if (!mount.current) return;
    const view = createSuggestionView(mount.current, {
      base,
      text,
      labelledBy: `${id}-name`,
      describedBy: `${id}-closed ${id}-help ${id}-note`,
      onChange: (next, typed) => {
        setText(next);
        // An error about the words is answered by changing them.
        if (typed) setError(null);
      },
      onSubmit: () => submitRef.current(),
      onEscape: () => closeRef.current(),
    });
    editor.current = view;
    view.focus();
    return () => {
      editor.current = null;
      view.destroy();
    };
  }, []);

  // The co-facilitators' changes since `seen`, with the delegate's carried onto them.
  const rebased = useMemo(
    () => (!amend || seen === baseText ? null : rebase(seen, text, baseText)),
    [amend, seen, text, baseText],
  );
  const conflicts = rebased?.conflicts ?? [];
  const conflictKey = rebased && conflicts.length > 0 ? JSON.stringify(conflicts) : '';
  const currentChoices =
    choices.key === conflictKey
      ? choices.list
      : conflicts.map((c): ConflictChoice => ({ pick: null, words: c.mine }));

  // biome-ignore lint/correctness/useExhaustiveDependencies: `runsKey` stands for `baseRuns`
  useLayoutEffect(() => {
    if (!amend) {
      // An alternative or a new paragraph is a whole text: its marks follow the paragraph as it reads.
      if (seen !== baseText) setSeen(baseText);
      return;
    }
    if (!rebased || rebased.conflicts.length > 0) return;
    editor.current?.rebase(baseOf(baseText, baseRuns), rebased.text);
    setSeen(baseText);
    setText(rebased.text);
    setNote(m.carried);
  }, [amend, rebased, baseText, seen, runsKey, m.carried]);

  useEffect(() => {
    editor.current?.setBase(base);
  }, [base]);

  const editable = conflicts.length === 0 && !closed;
  useEffect(() => {
    editor.current?.setEditable(editable);
  }, [editable]);

  // Keep the words as a draft while they differ from where the editor started. (The key is
  // compared by value: the caller makes a new object at every render.)
  const draftId = JSON.stringify(draftKey);
  const dirty = amend && !initial ? text !== seen : text !== start || (amend && seen !== initial?.baseText);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `draftId` stands for `draftKey`
  useEffect(() => {
    if (!dirty) {
      if (drafts.load(draftKey)) drafts.discard(draftKey);
      return;
    }
    setKept(
      drafts.save(draftKey, {
        text,
        ...(amend ? { baseText: seen } : {}),
        ...(as ? { delegation: as } : {}),
      }),
    );
  }, [dirty, text, seen, as, amend, drafts, draftId]);

  const changes = conflicts.length > 0 ? [] : wordChanges(seen, text);
  // While a conflict is decided, the words still say what the delegate changed in the text they saw.
  const announcement = useAnnouncement(
    kind === 'insert' ? '' : describeChanges(conflicts.length > 0 ? wordChanges(seen, text) : changes),
  );

  const submit = async () => {
    if (busy) return;
    if (closed) return setError(closed);
    if (conflicts.length > 0) return setError(m.resolveFirst);
    if (text.trim() === '') return setError(ms.empty);
    if (amend && changes.length === 0) return setError(m.noChange);
    if (kind === 'alt' && text.trim() === baseText.trim()) return setError(m.altUnchanged);
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
  submitRef.current = () => void submit();

  const applyChoices = () => {
    if (!rebased) return;
    const words = conflicts.map((c, i) => {
      const choice = currentChoices[i]!;
      return choice.pick === 'mine' ? c.mine : choice.pick === 'theirs' ? c.theirs : choice.words;
    });
    const resolved = resolveRebase(rebased, words);
    editor.current?.setText(baseOf(baseText, baseRuns), resolved);
    setText(resolved);
    setSeen(baseText);
    setNote(messages.proposals.conflicts.applied);
    editor.current?.setEditable(!closed);
    editor.current?.focus();
  };

  const discard = async () => {
    if (await confirm({ message: md.confirmDiscard, confirmLabel: md.discard })) {
      drafts.discard(draftKey);
      onClose();
    }
  };

  return (
    // Escape closes the editor (the draft stays) from anywhere in it: the text, the conflict
    // choices, the tabling options; not from its confirmation dialog, which Escape closes alone.
    <form
      className={`suggestion-editor suggestion-${kind}`}
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
      <div id={`${id}-name`} className="suggestion-name">
        {ms.name[kind](label)}
      </div>
      {closed && (
        <p id={`${id}-closed`} className="editor-note suggestion-closed" role="status">
          {ms.closed(closed)}
        </p>
      )}
      <div ref={mount} className={`suggestion-mount${editable ? '' : ' readonly'}`} />
      <p id={`${id}-help`} className="hint suggestion-help">
        {ms.help[kind]}
      </p>
      <p id={`${id}-note`} className="editor-note" aria-live="polite">
        {note}
      </p>
      <p className="visually-hidden" aria-live="polite" data-testid="suggestion-announcement">
        {announcement}
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
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <TablingAs id={`${id}-as`} options={tableAs} value={as} onChange={setAs} />
        <button type="submit" className="primary" disabled={busy || conflicts.length > 0 || !!closed}>
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
