/** One written input: who, when, which version, its text, and its earlier versions on request. */
import { useState } from 'react';
import { ErrorNotice } from '../ErrorNotice.js';
import { messages } from '../i18n/messages.js';
import { formatInstant } from '../roadmap/zonedTime.js';
import { fetchHistory, type Input, type InputVersion } from './inputsApi.js';

/** Props of `InputCard`. */
export interface InputCardProps {
  negotiationId: string;
  input: Input;
  timeZone: string;
  /** What the input is about, e.g. "Answer to question 1"; omitted where the heading says it. */
  topic?: string;
  /** Given when the reader may edit it now. */
  onEdit?: (() => void) | undefined;
}

/** Who an input is from, in words. */
export function authorOf(input: Input): string {
  const c = messages.roadmap.compilation;
  if (input.source === 'stakeholder' || !input.delegation) return input.personName;
  return input.tabledBy ? c.submittedBy(input.delegation.name, input.tabledBy.name) : input.delegation.name;
}

/** An input as a card. */
export function InputCard({ negotiationId, input, timeZone, topic, onEdit }: InputCardProps) {
  const m = messages.roadmap.inputs;
  const [history, setHistory] = useState<InputVersion[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const loadHistory = () => {
    setFailure(null);
    fetchHistory(negotiationId, input.id).then(setHistory, setFailure);
  };
  return (
    <article className={`input-card ${input.source}`} data-testid="input-card">
      <header>
        <strong>{authorOf(input)}</strong>
        {input.source === 'stakeholder' && <span className="tag stakeholder-tag">{m.stakeholderBadge}</span>}
        {topic && <span className="input-topic"> — {topic}</span>}
        <span className="muted">
          {' '}
          · <time dateTime={input.updatedAt}>{formatInstant(input.updatedAt, timeZone)}</time>
          {input.version > 1 && ` · ${m.version(input.version, formatInstant(input.updatedAt, timeZone))}`}
        </span>
      </header>
      <div className="input-text">
        {input.text.split(/\n+/).map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines of one text in order
          <p key={i}>{line}</p>
        ))}
      </div>
      <div className="input-actions">
        {onEdit && (
          <button type="button" className="small" onClick={onEdit}>
            {m.edit}
          </button>
        )}
        {input.version > 1 && (
          <details onToggle={(e) => (e.currentTarget.open && !history ? loadHistory() : undefined)}>
            <summary>{m.history}</summary>
            {failure !== null && <ErrorNotice error={failure} onRetry={loadHistory} />}
            {history && (
              <ol className="input-history">
                {history
                  .filter((v) => v.version < input.version)
                  .map((v) => (
                    <li key={v.version}>
                      <p className="muted">{m.by(v.personName, formatInstant(v.editedAt, timeZone))}</p>
                      <p>{v.text}</p>
                    </li>
                  ))}
              </ol>
            )}
          </details>
        )}
      </div>
    </article>
  );
}
