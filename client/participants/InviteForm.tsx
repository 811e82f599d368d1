/** "Invite someone": name, role, delegation and link validity → a person and their first sign-in link. */
import { type FormEvent, useId, useRef, useState } from 'react';
import type { Delegation } from '../../shared/delegations.js';
import { ApiError, type Role } from '../api.js';
import { DelegationPicker } from '../DelegationPicker.js';
import { PARTICIPANT_DELEGATIONS } from '../delegationChoice.js';
import { errorMessage, messages } from '../i18n/messages.js';
import { type IssuedLink, invite } from './participantsApi.js';

/** Validity of a new link, in hours, that the form offers. */
export const EXPIRY_HOURS = [24, 72, 168] as const;

const ALL_ROLES: readonly Role[] = ['delegate', 'facilitator', 'observer'];

/** Props of `InviteForm`. */
export interface InviteFormProps {
  negotiationId: string;
  /** Roles the inviter may give (a server administrator who takes no part: co-facilitators only). */
  roles?: readonly Role[];
  /** Called with the new person's name and link once the server created them. */
  onInvited(name: string, link: IssuedLink): void;
}

interface Errors {
  name?: string;
  delegation?: string;
}

/** The name a person gets by default: "Delegate, France". */
function defaultName(role: Role, delegation: Delegation): string {
  return messages.invite.defaultName(messages.roles[role], delegation.name);
}

/** Invites a person to the negotiation. */
export function InviteForm({ negotiationId, roles = ALL_ROLES, onInvited }: InviteFormProps) {
  const m = messages.invite;
  const ids = useId();
  const [name, setName] = useState('');
  /** The name last filled in automatically; the name follows role and delegation while it is unchanged. */
  const [autoName, setAutoName] = useState<string | null>(null);
  const [role, setRole] = useState<Role>(roles[0] ?? 'delegate');
  const [delegation, setDelegation] = useState<Delegation | null>(null);
  const [expiry, setExpiry] = useState<number>(72);
  const [pickerKey, setPickerKey] = useState(0);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const delegationId = `${ids}-delegation`;

  const prefill = (nextRole: Role, nextDelegation: Delegation | null) => {
    const untouched = name.trim() === '' || name === autoName;
    if (!untouched) return;
    const next = nextDelegation ? defaultName(nextRole, nextDelegation) : '';
    setName(next);
    setAutoName(next === '' ? null : next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.replace(/\s+/g, ' ').trim();
    const found: Errors = {};
    if (trimmed.length < 2) found.name = m.nameRequired;
    if (role === 'delegate' && !delegation) found.delegation = m.delegationRequired;
    setErrors(found);
    setFailure(null);
    if (found.name) nameInput.current?.focus();
    else if (found.delegation) document.getElementById(delegationId)?.focus();
    if (found.name || found.delegation) return;
    setBusy(true);
    try {
      const link = await invite(negotiationId, {
        name: trimmed,
        role,
        delegation: delegation?.code ?? null,
        expiresInHours: expiry,
      });
      setName('');
      setAutoName(null);
      setDelegation(null);
      setPickerKey((k) => k + 1);
      onInvited(trimmed, link);
    } catch (error) {
      setFailure(errorMessage(error instanceof ApiError ? error.code : 'INTERNAL'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form invite-form" onSubmit={submit} noValidate data-testid="invite-form">
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${ids}-role`}>{m.role}</label>
          <select
            id={`${ids}-role`}
            value={role}
            onChange={(event) => {
              const next = event.target.value as Role;
              setRole(next);
              prefill(next, delegation);
              if (next !== 'delegate') setErrors((e) => ({ ...e, delegation: undefined }));
            }}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {messages.roles[r]}
              </option>
            ))}
          </select>
        </div>
        <DelegationPicker
          key={pickerKey}
          id={delegationId}
          label={m.delegation}
          labelNote={role === 'delegate' ? undefined : m.optional}
          options={PARTICIPANT_DELEGATIONS}
          onChange={(next) => {
            setDelegation(next);
            prefill(role, next);
            if (next) setErrors((e) => ({ ...e, delegation: undefined }));
          }}
          error={errors.delegation ?? null}
          disabled={busy}
        />
        <div className="field">
          <label htmlFor={`${ids}-name`}>{m.name}</label>
          <input
            ref={nameInput}
            id={`${ids}-name`}
            type="text"
            value={name}
            maxLength={120}
            required
            autoComplete="off"
            onChange={(event) => setName(event.target.value)}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? `${ids}-name-hint ${ids}-name-error` : `${ids}-name-hint`}
          />
          <p id={`${ids}-name-hint`} className="hint">
            {m.nameHint}
          </p>
          {errors.name && (
            <p id={`${ids}-name-error`} className="field-error">
              {errors.name}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${ids}-expiry`}>{m.expiry}</label>
          <select
            id={`${ids}-expiry`}
            value={expiry}
            onChange={(event) => setExpiry(Number(event.target.value))}
          >
            {EXPIRY_HOURS.map((hours) => (
              <option key={hours} value={hours}>
                {m.expiryHours(hours)}
              </option>
            ))}
          </select>
        </div>
      </div>
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
