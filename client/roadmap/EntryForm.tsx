/** Co-facilitators: adding or changing a roadmap entry. The server checks the dates and explains what is wrong. */
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  ROADMAP_AUDIENCES,
  ROADMAP_FORMATS,
  ROADMAP_KINDS,
  ROADMAP_LIMITS,
  ROADMAP_PRECISIONS,
} from '../../shared/roadmap.js';
import { isTimeZone } from '../../shared/time.js';
import { ApiError } from '../api.js';
import { errorMessage, messages } from '../i18n/messages.js';
import { useRequest } from '../useRequest.js';
import { type FormDateProblem, formDateProblem } from './dateProblem.js';
import { draftOf, EMPTY_SITTING, type EntryDraft, inputOf, type SittingDraft } from './entryDraft.js';
import { fetchLinkTargets, type RoadmapItem, saveEntry } from './roadmapApi.js';
import { timeZoneChoices } from './timeZones.js';

/** Props of `EntryForm`. */
export interface EntryFormProps {
  negotiationId: string;
  timeZone: string;
  /** The entry to change, or null for a new one. */
  entry: RoadmapItem | null;
  /** Deadline entries an entry may concern. */
  deadlines: readonly RoadmapItem[];
  /** Called after saving (`true`) or on cancel (`false`). */
  onDone(saved: boolean): void;
}

/** The entry form. */
export function EntryForm({ negotiationId, timeZone, entry, deadlines, onDone }: EntryFormProps) {
  const m = messages.roadmap;
  const f = m.form;
  const ids = useId();
  const [draft, setDraft] = useState<EntryDraft>(() => draftOf(entry, timeZone));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ text: string; detail: string } | null>(null);
  const [dateProblem, setDateProblem] = useState<FormDateProblem | null>(null);
  const [titleError, setTitleError] = useState(false);
  const [zoneError, setZoneError] = useState(false);
  const zones = useMemo(() => timeZoneChoices([timeZone]), [timeZone]);
  /** A typed zone is known when it is an IANA name; an empty field means the negotiation's zone. */
  const zoneKnown = (name: string) => name.trim() === '' || isTimeZone(name.trim());
  const heading = useRef<HTMLHeadingElement>(null);
  const [targets] = useRequest((signal) => fetchLinkTargets(negotiationId, signal), negotiationId);
  const set = (patch: Partial<EntryDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setSitting = (i: number, patch: Partial<SittingDraft>) =>
    setDraft((d) => ({ ...d, sittings: d.sittings.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));
  const timed = draft.precision === 'time';

  useEffect(() => heading.current?.focus(), []);

  /** The input a date problem is about: the end or start time, or the date when the day is what is wrong. */
  const inputId = (p: FormDateProblem) => {
    const i = p.sitting ?? 0;
    if (timed && p.field === 'end') return `${ids}-end-${i}`;
    const dayWrong =
      !timed || p.reason === 'no-such-day' || (p.reason === 'missing' && !draft.sittings[i]?.date);
    return dayWrong ? `${ids}-date-${i}` : `${ids}-start-${i}`;
  };
  /** Marks the input a date problem is about, linking it to the stated problem. */
  const invalid = (id: string) =>
    dateProblem && dateProblem.sitting !== null && inputId(dateProblem) === id
      ? { 'aria-invalid': true, 'aria-describedby': `${ids}-failure` }
      : {};

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setDateProblem(null);
    if (!draft.title.trim()) {
      setTitleError(true);
      document.getElementById(`${ids}-title`)?.focus();
      return;
    }
    setTitleError(false);
    if (timed && !zoneKnown(draft.timeZone)) {
      setZoneError(true);
      document.getElementById(`${ids}-zone`)?.focus();
      return;
    }
    setZoneError(false);
    setBusy(true);
    try {
      await saveEntry(negotiationId, inputOf(draft, timeZone), entry?.id);
      onDone(true);
    } catch (error) {
      const code = error instanceof ApiError ? error.code : 'INTERNAL';
      const dated =
        code === 'INVALID_DATE' && error instanceof ApiError ? formDateProblem(error.details) : null;
      if (dated) {
        setDateProblem(dated);
        setFailure({ text: dated.text, detail: '' });
        const input = dated.sitting === null ? null : document.getElementById(inputId(dated));
        input?.focus();
      } else {
        setFailure({ text: errorMessage(code), detail: error instanceof ApiError ? error.message : '' });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form panel entry-form" onSubmit={submit} noValidate data-testid="entry-form">
      <h2 ref={heading} tabIndex={-1}>
        {entry ? f.editHeading(entry.title) : f.addHeading}
      </h2>
      <div className="form-grid">
        <fieldset className="field-group">
          <legend>{f.kind}</legend>
          {ROADMAP_KINDS.map((k) => (
            <label key={k}>
              <input
                type="radio"
                name={`${ids}-kind`}
                checked={draft.kind === k}
                onChange={() => set({ kind: k })}
              />{' '}
              {m.kinds[k]}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${ids}-title`}>{f.title}</label>
          <input
            id={`${ids}-title`}
            type="text"
            value={draft.title}
            maxLength={ROADMAP_LIMITS.title}
            onChange={(e) => set({ title: e.target.value })}
            aria-invalid={titleError ? true : undefined}
            aria-describedby={titleError ? `${ids}-title-error` : undefined}
          />
          {titleError && (
            <p id={`${ids}-title-error`} className="field-error">
              {f.required}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${ids}-precision`}>{f.precision}</label>
          <select
            id={`${ids}-precision`}
            value={draft.precision}
            onChange={(e) => set({ precision: e.target.value as EntryDraft['precision'] })}
          >
            {ROADMAP_PRECISIONS.map((p) => (
              <option key={p} value={p}>
                {m.precisions[p]}
              </option>
            ))}
          </select>
        </div>
      </div>

      {draft.precision !== 'tbd' && (
        <fieldset className="field-group sittings">
          <legend>{f.sittings}</legend>
          {draft.sittings.map((s, i) => (
            <fieldset
              // biome-ignore lint/suspicious/noArrayIndexKey: sittings have no identity of their own
              key={i}
              className="sitting"
            >
              <legend className="visually-hidden">{f.sitting(i + 1)}</legend>
              <div className="field">
                <label htmlFor={`${ids}-date-${i}`}>{draft.precision === 'week' ? f.weekOf : f.date}</label>
                <input
                  id={`${ids}-date-${i}`}
                  {...invalid(`${ids}-date-${i}`)}
                  type="date"
                  value={s.date}
                  required
                  onChange={(e) => setSitting(i, { date: e.target.value })}
                />
              </div>
              {timed && (
                <div className="field">
                  <label htmlFor={`${ids}-start-${i}`}>{draft.kind === 'deadline' ? f.at : f.start}</label>
                  <input
                    id={`${ids}-start-${i}`}
                    {...invalid(`${ids}-start-${i}`)}
                    type="time"
                    value={s.start}
                    required
                    onChange={(e) => setSitting(i, { start: e.target.value })}
                  />
                </div>
              )}
              {timed && draft.kind === 'activity' && (
                <div className="field">
                  <label htmlFor={`${ids}-end-${i}`}>{f.end}</label>
                  <input
                    id={`${ids}-end-${i}`}
                    {...invalid(`${ids}-end-${i}`)}
                    type="time"
                    value={s.end}
                    required
                    onChange={(e) => setSitting(i, { end: e.target.value })}
                  />
                </div>
              )}
              <div className="field">
                <label htmlFor={`${ids}-room-${i}`}>{f.room}</label>
                <input
                  id={`${ids}-room-${i}`}
                  type="text"
                  value={s.room}
                  maxLength={ROADMAP_LIMITS.room}
                  onChange={(e) => setSitting(i, { room: e.target.value })}
                />
              </div>
              {draft.sittings.length > 1 && (
                <button
                  type="button"
                  className="small"
                  onClick={() => set({ sittings: draft.sittings.filter((_, j) => j !== i) })}
                >
                  {f.removeSitting(i + 1)}
                </button>
              )}
            </fieldset>
          ))}
          <p className="hint">{f.roomHint}</p>
          <div>
            <button
              type="button"
              className="small"
              onClick={() => set({ sittings: [...draft.sittings, { ...EMPTY_SITTING }] })}
            >
              {f.addSitting}
            </button>
          </div>
        </fieldset>
      )}

      <div className="form-grid">
        {timed && (
          <div className="field">
            <label htmlFor={`${ids}-zone`}>{f.timeZone}</label>
            <input
              id={`${ids}-zone`}
              type="text"
              list={`${ids}-zones`}
              autoComplete="off"
              spellCheck={false}
              value={draft.timeZone}
              onChange={(e) => {
                set({ timeZone: e.target.value });
                if (zoneError && zoneKnown(e.target.value)) setZoneError(false);
              }}
              aria-invalid={zoneError ? true : undefined}
              aria-describedby={zoneError ? `${ids}-zone-error ${ids}-zone-hint` : `${ids}-zone-hint`}
            />
            <datalist id={`${ids}-zones`} data-testid="zone-choices">
              {zones.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
            {zoneError && (
              <p id={`${ids}-zone-error`} className="field-error">
                {f.timeZoneUnknown(draft.timeZone.trim())}
              </p>
            )}
            <p id={`${ids}-zone-hint`} className="hint">
              {f.timeZoneHint(timeZone)}
            </p>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${ids}-format`}>{f.format}</label>
          <select
            id={`${ids}-format`}
            value={draft.format}
            onChange={(e) => set({ format: e.target.value as EntryDraft['format'] })}
          >
            <option value="">{f.noFormat}</option>
            {ROADMAP_FORMATS.map((x) => (
              <option key={x} value={x}>
                {m.formats[x]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-audience`}>{f.audience}</label>
          <select
            id={`${ids}-audience`}
            value={draft.audience}
            onChange={(e) => set({ audience: e.target.value as EntryDraft['audience'] })}
          >
            {ROADMAP_AUDIENCES.map((a) => (
              <option key={a} value={a}>
                {m.audiences[a]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-link`}>{f.link}</label>
          <select id={`${ids}-link`} value={draft.link} onChange={(e) => set({ link: e.target.value })}>
            <option value="">{f.noLink}</option>
            {targets.status === 'done' &&
              targets.value.revisions.map((r) => (
                <option key={r.id} value={`revision:${r.id}`}>
                  {r.label}
                </option>
              ))}
            {targets.status === 'done' &&
              targets.value.readings.map((r) => (
                <option key={r.id} value={`reading:${r.id}`}>
                  {r.label}
                </option>
              ))}
            {deadlines
              .filter((d) => d.id !== entry?.id)
              .map((d) => (
                <option key={d.id} value={`deadline:${d.id}`}>
                  {d.title}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-note`}>{f.note}</label>
          <input
            id={`${ids}-note`}
            type="text"
            value={draft.note}
            maxLength={ROADMAP_LIMITS.note}
            onChange={(e) => set({ note: e.target.value })}
            aria-describedby={`${ids}-note-hint`}
          />
          <p id={`${ids}-note-hint`} className="hint">
            {f.noteHint}
          </p>
        </div>
      </div>
      <label>
        <input
          type="checkbox"
          checked={draft.tentative}
          onChange={(e) => set({ tentative: e.target.checked })}
        />{' '}
        {f.tentative}
      </label>
      {failure && (
        <div className="notice error" role="alert" id={`${ids}-failure`}>
          <p>
            {failure.text}
            {failure.detail && <span className="failure-detail"> {failure.detail}</span>}
          </p>
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? f.saving : f.save}
        </button>
        <button type="button" onClick={() => onDone(false)} disabled={busy}>
          {f.cancel}
        </button>
      </div>
    </form>
  );
}
