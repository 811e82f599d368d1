/** The "Your name" form, shown before the first edit and when changing one's name. */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { messages } from './i18n/messages.js';
import { MAX_NAME_LENGTH, normalizeName, setDisplayName } from './identity.js';

/** Props of `NameForm`. */
export interface NameFormProps {
  /** Name to start from. */
  initial?: string;
  /** Heading above the form; none when the form sits in a bar. */
  heading?: string;
  /** Accessible name of the form when it has no heading. */
  formLabel?: string;
  /** Text of the submit button. */
  submitLabel: string;
  /** Called after the name was saved. */
  onDone?: () => void;
  /** Offers a cancel button when given. */
  onCancel?: () => void;
}

/** Asks for a display name and remembers it. */
export function NameForm({ initial = '', heading, formLabel, submitLabel, onDone, onCancel }: NameFormProps) {
  const [value, setValue] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const ids = useId();
  const headingId = `${ids}-heading`;
  const inputId = `${ids}-name`;
  const hintId = `${ids}-hint`;
  const errorId = `${ids}-error`;

  useEffect(() => {
    input.current?.focus();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = normalizeName(value);
    if (name === '') {
      setInvalid(true);
      input.current?.focus();
      return;
    }
    setDisplayName(name);
    onDone?.();
  };

  return (
    <form
      className="name-form"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && onCancel) {
          event.preventDefault();
          onCancel();
        }
      }}
      noValidate
      aria-labelledby={heading ? headingId : undefined}
      aria-label={heading ? undefined : formLabel}
    >
      {heading && <h2 id={headingId}>{heading}</h2>}
      <label htmlFor={inputId}>{messages.identity.nameLabel}</label>
      <input
        ref={input}
        id={inputId}
        name="displayName"
        type="text"
        autoComplete="name"
        required
        maxLength={MAX_NAME_LENGTH}
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setInvalid(false);
        }}
        aria-describedby={invalid ? `${errorId} ${hintId}` : hintId}
        aria-invalid={invalid}
      />
      <p id={hintId} className="hint">
        {messages.identity.nameHint}
      </p>
      {invalid && (
        <p id={errorId} className="field-error" role="alert">
          {messages.identity.nameRequired}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary">
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {messages.identity.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
