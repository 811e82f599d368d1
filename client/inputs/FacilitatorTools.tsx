/**
 * The co-facilitators' tools on the written-inputs page: post a guiding question, show or hide
 * stakeholders' inputs, and move the reading's deadline (the same deadline as for proposals).
 */
import { type FormEvent, useId, useState } from 'react';
import { INPUT_LIMITS } from '../../shared/inputs.js';
import { instantOf, localDateTimeAt, localDateTimeProblem } from '../../shared/time.js';
import { ApiError } from '../api.js';
import { errorMessage, messages } from '../i18n/messages.js';
import { postQuestion, type Reading, setReadingDeadline, setStakeholderVisibility } from './inputsApi.js';

/** Props of `FacilitatorTools`. */
export interface FacilitatorToolsProps {
  negotiationId: string;
  reading: Reading;
  timeZone: string;
  stakeholderInputsVisible: boolean;
  onChanged(done: string): void;
}

/** The tools panel. */
export function FacilitatorTools({
  negotiationId,
  reading,
  timeZone,
  stakeholderInputsVisible,
  onChanged,
}: FacilitatorToolsProps) {
  const m = messages.roadmap.facilitator;
  const ids = useId();
  const [question, setQuestion] = useState('');
  const local = localDateTimeAt(reading.deadline, timeZone);
  const [date, setDate] = useState(local.slice(0, 10));
  const [time, setTime] = useState(local.slice(11));
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<void>, done: string) => {
    setBusy(true);
    setFailure(null);
    try {
      await action();
      onChanged(done);
      return true;
    } catch (error) {
      setFailure(errorMessage(error instanceof ApiError ? error.code : 'INTERNAL'));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const post = async (event: FormEvent) => {
    event.preventDefault();
    if (!question.trim()) {
      setFailure(messages.roadmap.form.required);
      return;
    }
    if (await run(() => postQuestion(negotiationId, question.trim()), m.questionPosted)) setQuestion('');
  };

  const extend = async (event: FormEvent) => {
    event.preventDefault();
    const value = `${date}T${time}`;
    const problem = localDateTimeProblem(value, timeZone);
    if (problem) {
      const reasons = messages.roadmap.form.dateReasons;
      setFailure(
        !date || !time
          ? reasons.missing()
          : problem === 'skipped'
            ? reasons.skipped(value, timeZone)
            : reasons.malformed(),
      );
      return;
    }
    await run(() => setReadingDeadline(negotiationId, reading.id, instantOf(value, timeZone)), m.extended);
  };

  return (
    <section className="panel facilitator-tools" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{m.heading}</h2>
      {failure && (
        <div className="notice error" role="alert">
          <p>{failure}</p>
        </div>
      )}
      {reading.open && (
        <form className="form" onSubmit={post} noValidate>
          <div className="field">
            <label htmlFor={`${ids}-question`}>{m.newQuestion}</label>
            <textarea
              id={`${ids}-question`}
              rows={2}
              maxLength={INPUT_LIMITS.question}
              value={question}
              onChange={(e) => setQuestion(e.target.value)}
            />
          </div>
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {m.postQuestion}
            </button>
          </div>
        </form>
      )}
      <label className="visibility">
        <input
          type="checkbox"
          checked={stakeholderInputsVisible}
          disabled={busy}
          onChange={(e) => {
            const visible = e.target.checked;
            void run(() => setStakeholderVisibility(negotiationId, visible), m.visibilitySaved);
          }}
        />{' '}
        {m.visibility}
      </label>
      {reading.open && (
        <form className="form deadline-form" onSubmit={extend} noValidate>
          <fieldset className="field-group">
            <legend>{m.deadline}</legend>
            <p className="hint" id={`${ids}-deadline-hint`}>
              {m.deadlineHint(timeZone)}
            </p>
            <div className="picker-row">
              <div className="field">
                <label htmlFor={`${ids}-date`}>{messages.roadmap.form.date}</label>
                <input
                  id={`${ids}-date`}
                  type="date"
                  value={date}
                  onChange={(e) => setDate(e.target.value)}
                  aria-describedby={`${ids}-deadline-hint`}
                />
              </div>
              <div className="field">
                <label htmlFor={`${ids}-time`}>{messages.roadmap.form.at}</label>
                <input
                  id={`${ids}-time`}
                  type="time"
                  value={time}
                  onChange={(e) => setTime(e.target.value)}
                />
              </div>
            </div>
          </fieldset>
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {m.extend}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
