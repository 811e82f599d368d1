/**
 * Where a delegate's changes meet the co-facilitators' changes to the same words: each place
 * shows both versions in their context, and the delegate chooses (keep mine, take theirs, or
 * write other words) with ordinary radio buttons, so it works by keyboard and screen reader.
 */
import { useEffect, useId, useRef } from 'react';
import type { Rebased } from '../../shared/rebase.js';
import { messages } from '../i18n/messages.js';

/** What the delegate chose at one place. */
export interface ConflictChoice {
  pick: 'mine' | 'theirs' | 'edit' | null;
  /** The words written for `edit`. */
  words: string;
}

/** Props of `RebaseConflicts`. */
export interface RebaseConflictsProps {
  rebased: Rebased;
  choices: readonly ConflictChoice[];
  onChange(index: number, choice: ConflictChoice): void;
  onApply(): void;
}

/** The text just before and after conflict `index`, shortened to a few words. */
function contextOf(r: Rebased, index: number): { before: string; after: string } {
  const at = r.parts.findIndex((p) => p.type === 'conflict' && p.index === index);
  const prev = r.parts[at - 1];
  const next = r.parts[at + 1];
  const before = prev?.type === 'text' ? prev.text : '';
  const after = next?.type === 'text' ? next.text : '';
  return {
    before: before.length > 40 ? `…${before.slice(-40).replace(/^\S*\s/, '')}` : before,
    after: after.length > 40 ? `${after.slice(0, 40).replace(/\s\S*$/, '')}…` : after,
  };
}

/** One version's words at a place: the spaces around them, and the words themselves. */
export interface PlacedWords {
  lead: string;
  core: string;
  trail: string;
}

/**
 * The words of one version at a place, read in their context: the spaces at their edges set
 * outside the mark (as brackets set them, `shared/pieces.ts`), and where there are no words a
 * space on each side of "nothing" that the context lacks.
 */
export function placeWords(before: string, words: string, after: string): PlacedWords {
  const core = words.trim();
  if (core === '')
    return {
      lead: before === '' || /\s$/.test(before) ? '' : ' ',
      core,
      trail: after === '' || /^\s/.test(after) ? '' : ' ',
    };
  return { lead: /^\s*/.exec(words)![0], core, trail: /\s*$/.exec(words)![0] };
}

/** The conflicts of a rebase and the delegate's choices. */
export function RebaseConflicts({ rebased, choices, onChange, onApply }: RebaseConflictsProps) {
  const m = messages.proposals.conflicts;
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const n = rebased.conflicts.length;
  // Focus comes here when conflicts appear (the text box is read-only meanwhile).
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const ready = choices.length === n && choices.every((c) => c.pick !== null);
  /** The words of one version in their context, marked as `mark` (a `mark` or a `span`). */
  const inContext = (
    before: string,
    text: string,
    after: string,
    className: string,
    tag: 'mark' | 'span',
  ) => {
    const { lead, core, trail } = placeWords(before, text, after);
    const Tag = tag;
    return (
      <>
        {before}
        {lead}
        <Tag className={`conflict-words ${className}`}>{core === '' ? <em>{m.nothing}</em> : core}</Tag>
        {trail}
        {after}
      </>
    );
  };
  return (
    <section className="rebase-conflicts" aria-labelledby={`${id}-h`} data-testid="rebase-conflicts">
      <h4 id={`${id}-h`} ref={heading} tabIndex={-1}>
        {m.heading(n)}
      </h4>
      <p className="hint">{m.help}</p>
      {rebased.conflicts.map((c, i) => {
        const { before, after } = contextOf(rebased, i);
        const choice = choices[i] ?? { pick: null, words: c.mine };
        const set = (pick: ConflictChoice['pick']) => onChange(i, { ...choice, pick });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: conflicts are places in order; the list is replaced as a whole.
          <fieldset key={i} className="rebase-conflict" data-conflict={i}>
            <legend>{m.legend(i + 1, n)}</legend>
            <dl>
              {c.original.trim() !== '' && (
                <>
                  <dt>{m.was}</dt>
                  <dd>{inContext(before, c.original, after, 'was', 'span')}</dd>
                </>
              )}
              <dt>{m.theirs}</dt>
              <dd>{inContext(before, c.theirs, after, 'theirs', 'mark')}</dd>
              <dt>{m.mine}</dt>
              <dd>{inContext(before, c.mine, after, 'mine', 'mark')}</dd>
            </dl>
            <div className="conflict-choices">
              {(['mine', 'theirs', 'edit'] as const).map((pick) => (
                <label key={pick} className="field-inline">
                  <input
                    type="radio"
                    name={`${id}-c${i}`}
                    value={pick}
                    checked={choice.pick === pick}
                    onChange={() => set(pick)}
                  />{' '}
                  {pick === 'mine' ? m.keepMine : pick === 'theirs' ? m.takeTheirs : m.edit}
                </label>
              ))}
            </div>
            {choice.pick === 'edit' && (
              <label className="conflict-edit">
                {m.editLabel(i + 1)}{' '}
                <input
                  type="text"
                  value={choice.words}
                  onChange={(e) => onChange(i, { ...choice, words: e.target.value })}
                />
              </label>
            )}
          </fieldset>
        );
      })}
      <button type="button" className="primary" disabled={!ready} onClick={onApply}>
        {m.apply}
      </button>
    </section>
  );
}
