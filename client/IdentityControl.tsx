/** Who you are, in the header, with a way to change your name. */
import { useId, useRef, useState } from 'react';
import { messages } from './i18n/messages.js';
import { NameForm } from './NameForm.js';

/** Props of `IdentityControl`. */
export interface IdentityControlProps {
  name: string;
}

/** Shows the display name and a "Change name" button that opens the name form in place. */
export function IdentityControl({ name }: IdentityControlProps) {
  const [editing, setEditing] = useState(false);
  const formId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setEditing(false);
    button.current?.focus();
  };
  return (
    <div className="identity">
      <span className="identity-name">{messages.identity.yourName(name)}</span>
      <button
        ref={button}
        type="button"
        aria-expanded={editing}
        aria-controls={editing ? formId : undefined}
        onClick={() => setEditing((open) => !open)}
      >
        {messages.identity.changeName}
      </button>
      {editing && (
        <div id={formId} className="identity-popover">
          <NameForm initial={name} submitLabel={messages.identity.save} onDone={close} onCancel={close} />
        </div>
      )}
    </div>
  );
}
