/** The administrators' form creating a negotiation: title, time zone, co-facilitating delegations. */
import { type FormEvent, useId, useRef, useState } from 'react';
import type { Delegation } from '../shared/delegations.js';
import { ApiError } from './api.js';
import { DelegationPicker } from './DelegationPicker.js';
import { FACILITATOR_DELEGATIONS } from './delegationChoice.js';
import { errorMessage, messages } from './i18n/messages.js';
import { createNegotiation } from './negotiationsApi.js';

/** Time zone a new negotiation starts with: United Nations Headquarters. */
export const DEFAULT_TIME_ZONE = 'America/New_York';

/** Most delegations co-facilitating one negotiation. */
export const MAX_FACILITATORS = 4;

/** Props of `NewNegotiationForm`. */
export interface NewNegotiationFormProps {
  onCreated(negotiation: { id: string; title: string }): void;
}

interface Errors {
  title?: string;
  facilitators?: string;
}

/** Creates a negotiation with POST /api/negotiations. */
export function NewNegotiationForm({ onCreated }: NewNegotiationFormProps) {
  const m = messages.newNegotiation;
  const ids = useId();
  const [title, setTitle] = useState('');
  const [timeZone, setTimeZone] = useState(DEFAULT_TIME_ZONE);
  const [picked, setPicked] = useState<Delegation | null>(null);
  const [chosen, setChosen] = useState<Delegation[]>([]);
  const [pickerKey, setPickerKey] = useState(0);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleInput = useRef<HTMLInputElement>(null);
  const pickerId = `${ids}-delegation`;

  const add = (delegation: Delegation | null) => {
    if (!delegation) return;
    if (chosen.length >= MAX_FACILITATORS) {
      setErrors((e) => ({ ...e, facilitators: m.tooMany }));
      return;
    }
    if (!chosen.some((d) => d.code === delegation.code)) setChosen([...chosen, delegation]);
    setErrors((e) => ({ ...e, facilitators: undefined }));
    setPicked(null);
    setPickerKey((k) => k + 1);
    // The picker is re-created empty; keep the focus in it for the next delegation.
    requestAnimationFrame(() => document.getElementById(pickerId)?.focus());
  };

  const remove = (code: string) => {
    setChosen(chosen.filter((d) => d.code !== code));
    document.getElementById(pickerId)?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = title.trim();
    const found: Errors = {};
    if (trimmed.length < 3) found.title = m.titleRequired;
    if (chosen.length === 0) found.facilitators = m.facilitatorsRequired;
    setErrors(found);
    setFailure(null);
    if (found.title) titleInput.current?.focus();
    else if (found.facilitators) document.getElementById(pickerId)?.focus();
    if (found.title || found.facilitators) return;
    setBusy(true);
    try {
      const created = await createNegotiation({
        title: trimmed,
        timeZone,
        facilitatorDelegations: chosen.map((d) => d.code),
      });
      setTitle('');
      setChosen([]);
      setTimeZone(DEFAULT_TIME_ZONE);
      onCreated(created);
    } catch (error) {
      setFailure(errorMessage(error instanceof ApiError ? error.code : 'INTERNAL'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="new-negotiation">
      <div className="field">
        <label htmlFor={`${ids}-title`}>{m.title}</label>
        <input
          ref={titleInput}
          id={`${ids}-title`}
          type="text"
          className="long"
          value={title}
          maxLength={300}
          required
          onChange={(event) => setTitle(event.target.value)}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={errors.title ? `${ids}-title-hint ${ids}-title-error` : `${ids}-title-hint`}
        />
        <p id={`${ids}-title-hint`} className="hint">
          {m.titleHint}
        </p>
        {errors.title && (
          <p id={`${ids}-title-error`} className="field-error">
            {errors.title}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${ids}-tz`}>{m.timeZone}</label>
        <select
          id={`${ids}-tz`}
          value={timeZone}
          onChange={(event) => setTimeZone(event.target.value)}
          aria-describedby={`${ids}-tz-hint`}
        >
          {Object.entries(messages.timeZones).map(([zone, city]) => (
            <option key={zone} value={zone}>
              {messages.timeZoneOption(city, zone)}
            </option>
          ))}
        </select>
        <p id={`${ids}-tz-hint`} className="hint">
          {m.timeZoneHint}
        </p>
      </div>
      <fieldset className="field-group">
        <legend>{m.facilitators}</legend>
        <p className="hint">{m.facilitatorsHint}</p>
        <div className="picker-row">
          <DelegationPicker
            key={pickerKey}
            id={pickerId}
            label={messages.invite.delegation}
            hideLabel
            options={FACILITATOR_DELEGATIONS.filter((d) => !chosen.some((c) => c.code === d.code))}
            onChange={setPicked}
            onEnter={add}
            error={errors.facilitators ?? null}
            disabled={busy}
          />
          <button type="button" onClick={() => add(picked)} disabled={busy || !picked}>
            {m.add}
          </button>
        </div>
        {chosen.length > 0 && (
          <ul className="chips" aria-label={m.chosen}>
            {chosen.map((d) => (
              <li key={d.code} className="chip">
                {d.name}
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={m.remove(d.name)}
                  title={m.remove(d.name)}
                  onClick={() => remove(d.code)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      {failure && (
        <div className="notice error" role="alert">
          <p>{failure}</p>
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? m.submitting : m.submit}
        </button>
      </div>
    </form>
  );
}
