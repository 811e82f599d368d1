/**
 * A searchable choice of a delegation from the registry: a text field with the registry as
 * suggestions (a native datalist, so it works with every keyboard and screen reader), and a line
 * saying which delegation the text designates.
 */
import { type KeyboardEvent, useId, useState } from 'react';
import type { Delegation } from '../shared/delegations.js';
import { delegationFromInput } from './delegationChoice.js';
import { messages } from './i18n/messages.js';

/** Props of `DelegationPicker`. */
export interface DelegationPickerProps {
  /** Id of the text field, for a label elsewhere; generated when omitted. */
  id?: string;
  label: string;
  /** Words after the label, e.g. "(optional)". */
  labelNote?: string;
  /** Keeps the label for assistive technology only, when a legend above says the same. */
  hideLabel?: boolean;
  options: readonly Delegation[];
  /** Called whenever the designated delegation changes (null: none). */
  onChange(delegation: Delegation | null): void;
  /** Called on Enter while the text designates a delegation (e.g. to add it to a list). */
  onEnter?(delegation: Delegation): void;
  /** An error to show under the field. */
  error?: string | null;
  disabled?: boolean;
}

/** A text field for a delegation's name or code, with suggestions from `options`. */
export function DelegationPicker({
  id,
  label,
  labelNote,
  hideLabel = false,
  options,
  onChange,
  onEnter,
  error,
  disabled,
}: DelegationPickerProps) {
  const ids = useId();
  const inputId = id ?? `${ids}-input`;
  const listId = `${ids}-list`;
  const stateId = `${ids}-state`;
  const errorId = `${ids}-error`;
  const [text, setText] = useState('');
  const chosen = delegationFromInput(text, options);

  const change = (value: string) => {
    const before = delegationFromInput(text, options);
    const after = delegationFromInput(value, options);
    setText(value);
    if (before?.code !== after?.code) onChange(after);
  };

  const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || !onEnter) return;
    // Enter adds the delegation instead of submitting the form around the field.
    event.preventDefault();
    if (chosen) {
      onEnter(chosen);
      setText('');
      onChange(null);
    }
  };

  return (
    <div className="field">
      <label htmlFor={inputId} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
        {labelNote && <span className="label-note"> {labelNote}</span>}
      </label>
      <input
        id={inputId}
        type="text"
        list={listId}
        autoComplete="off"
        spellCheck={false}
        value={text}
        disabled={disabled}
        onChange={(event) => change(event.target.value)}
        onKeyDown={keyDown}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${stateId} ${errorId}` : stateId}
      />
      <datalist id={listId}>
        {options.map((d) => (
          <option key={d.code} value={d.name}>
            {d.code}
          </option>
        ))}
      </datalist>
      <p id={stateId} className="hint" aria-live="polite" data-testid="delegation-choice">
        {chosen
          ? messages.delegationPicker.selected(chosen.name, chosen.code)
          : text.trim() === ''
            ? messages.delegationPicker.searchHint
            : messages.delegationPicker.unknown}
      </p>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
