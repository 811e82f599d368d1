/**
 * The review of an amendment import: every proposal found, with its paragraph's number, the change
 * bracketed, who made it in Word and when, and a checkbox to keep or drop it; what could not be
 * matched with its reason; and the button that tables the kept ones at once. The focus moves to
 * the results' heading when they arrive, and the outcome is announced.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { type ImportItem, type ImportPreview, importItemBody } from '../../shared/amendmentImport.js';
import { ApiError } from '../api.js';
import { formatLocalDateTime } from '../dateTime.js';
import { messages } from '../i18n/messages.js';
import { Link } from '../Link.js';
import type { Negotiation } from '../negotiationsApi.js';
import { TablingAs, tablingOptions } from '../proposals/TablingAs.js';
import { actionErrorMessage } from '../readings/actionError.js';
import { negotiationPath } from '../routing.js';
import { tableAmendments } from './amendmentImportApi.js';
import { ChangeInContext } from './ChangeInContext.js';

/** Props of `ImportReview`. */
export interface ImportReviewProps {
  negotiation: Negotiation;
  preview: ImportPreview;
}

const when = (date: string | null) =>
  date && !Number.isNaN(Date.parse(date)) ? formatLocalDateTime(date) : null;

/** The review list and the tabling of what is kept. */
export function ImportReview({ negotiation, preview }: ImportReviewProps) {
  const m = messages.amendments;
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const options = tablingOptions(negotiation.me.delegation);
  const [tableAs, setTableAs] = useState(options[0]?.code ?? '');
  // Kept by default, but for what the delegation already tabled.
  const [kept, setKept] = useState<ReadonlySet<string>>(
    () => new Set(preview.items.filter((i) => !i.alreadyTabled).map((i) => i.key)),
  );
  const [tabled, setTabled] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<number | null>(null);
  useEffect(() => heading.current?.focus(), []);

  const chosen = useMemo(
    () => preview.items.filter((i) => kept.has(i.key) && !tabled.has(i.key) && !i.alreadyTabled),
    [preview.items, kept, tabled],
  );

  const toggle = (key: string, on: boolean) =>
    setKept((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  const table = async () => {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      const own = options[0]?.code;
      await tableAmendments(
        negotiation.id,
        chosen.map(importItemBody),
        tableAs !== own ? tableAs : undefined,
      );
      setTabled((prev) => new Set([...prev, ...chosen.map((i) => i.key)]));
      setDone(chosen.length);
    } catch (error) {
      const index = error instanceof ApiError ? error.details?.index : undefined;
      setProblem(
        typeof index === 'number'
          ? m.failedItem(index + 1, actionErrorMessage(error))
          : actionErrorMessage(error),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="import-preview" aria-labelledby={`${id}-heading`} data-testid="amendment-review">
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {m.resultsHeading(preview.items.length, preview.unmatched.length)}
      </h2>
      {preview.items.length === 0 ? (
        <p>{m.nothingFound}</p>
      ) : (
        <>
          <p className="hint">{m.reviewHint}</p>
          <ul className="import-items" aria-label={m.listLabel}>
            {preview.items.map((item) => (
              <ReviewItem
                key={item.key}
                item={item}
                checked={kept.has(item.key) && !item.alreadyTabled}
                tabled={tabled.has(item.key)}
                onChange={(on) => toggle(item.key, on)}
              />
            ))}
          </ul>
        </>
      )}
      {preview.unmatched.length > 0 && (
        <section aria-labelledby={`${id}-unmatched`} className="import-unmatched">
          <h3 id={`${id}-unmatched`}>{m.unmatchedHeading(preview.unmatched.length)}</h3>
          <p className="hint">{m.unmatchedHint}</p>
          <ul>
            {preview.unmatched.map((u) => (
              <li key={`${u.kind}|${u.label}|${u.reason}|${u.date}|${u.text}`}>
                <strong>
                  {u.label ?? m.noLabel} — {m.unmatchedKinds[u.kind]}
                </strong>
                : <q>{u.text}</q>
                <br />
                <span className="import-reason">{m.reasons[u.reason]}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {preview.items.length > 0 && (
        <div className="form-actions">
          <TablingAs id={`${id}-as`} options={options} value={tableAs} onChange={setTableAs} />
          <button
            type="button"
            className="primary"
            disabled={busy || chosen.length === 0}
            onClick={() => void table()}
          >
            {busy ? m.tabling : m.table(chosen.length)}
          </button>
        </div>
      )}
      <div role="alert">{problem && <p className="notice error">{problem}</p>}</div>
      <div role="status">
        {done !== null && (
          <p className="notice success">
            {m.tabled(done)} <Link href={negotiationPath(negotiation.id)}>{m.openText}</Link>
          </p>
        )}
      </div>
    </section>
  );
}

interface ReviewItemProps {
  item: ImportItem;
  checked: boolean;
  tabled: boolean;
  onChange(on: boolean): void;
}

function ReviewItem({ item, checked, tabled, onChange }: ReviewItemProps) {
  const m = messages.amendments;
  const id = useId();
  const title = m.itemTitle(
    item.label,
    item.kind === 'insert' ? `${m.kinds.insert} ${m.newAfter(item.label)}` : m.kinds[item.kind],
  );
  const done = tabled || item.alreadyTabled !== undefined;
  return (
    <li className={`import-item${done ? ' done' : ''}`} data-testid="import-item" data-kind={item.kind}>
      <input
        id={`${id}-keep`}
        type="checkbox"
        checked={checked && !tabled}
        disabled={done}
        aria-describedby={`${id}-change ${id}-meta`}
        onChange={(e) => onChange(e.target.checked)}
      />
      <div className="import-item-body">
        <label htmlFor={`${id}-keep`} className="import-item-title">
          {title}
          <span className="visually-hidden">: {m.keep}</span>
        </label>
        <div id={`${id}-change`}>
          <ChangeInContext item={item} />
        </div>
        <p id={`${id}-meta`} className="import-meta">
          {m.fromWord(item.author, when(item.date))}
          {item.matchedBy === 'text' && <> · {m.matchedByText(item.documentLabel)}</>}
          {item.alreadyTabled && <> · {m.alreadyTabled}</>}
          {tabled && <> · {m.tabledOne}</>}
        </p>
      </div>
    </li>
  );
}
