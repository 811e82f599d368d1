/**
 * A sign-in link just created: the address in a read-only field with a "Copy link" button.
 * The server shows the secret only in this answer, so the panel says to copy it now.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { formatLocalDateTime } from '../dateTime.js';
import { messages } from '../i18n/messages.js';
import type { IssuedLink } from './participantsApi.js';

/** Props of `IssuedLinkPanel`. */
export interface IssuedLinkPanelProps {
  /** Name of the person the link signs in. */
  name: string;
  link: IssuedLink;
  onDismiss(): void;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies `text`: the asynchronous clipboard when the page may use it, else the selection of `field`. */
async function copyText(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

/** Shows a new sign-in link once, with a way to copy it. */
export function IssuedLinkPanel({ name, link, onDismiss }: IssuedLinkPanelProps) {
  const m = messages.issuedLink;
  const ids = useId();
  const field = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');

  useEffect(() => {
    // Bring the new link to the person who asked for it, ready to copy.
    field.current?.focus();
    field.current?.select();
  }, []);

  return (
    <section className="issued-link" aria-labelledby={`${ids}-heading`} data-testid="issued-link">
      <h2 id={`${ids}-heading`}>{m.heading(name)}</h2>
      <label htmlFor={`${ids}-url`}>{m.label}</label>
      <div className="copy-row">
        <input
          ref={field}
          id={`${ids}-url`}
          type="text"
          readOnly
          value={link.url}
          onFocus={(event) => event.target.select()}
          aria-describedby={`${ids}-note`}
          data-testid="issued-link-url"
        />
        <button
          type="button"
          className="primary"
          onClick={async () => setCopy((await copyText(link.url, field.current)) ? 'copied' : 'failed')}
        >
          {m.copy}
        </button>
      </div>
      <p id={`${ids}-note`} className="hint">
        {m.note(formatLocalDateTime(link.expiresAt))}
      </p>
      <p role="status" className="copy-status">
        {copy === 'copied' ? m.copied : copy === 'failed' ? m.copyFailed : ''}
      </p>
      <div className="form-actions">
        <button type="button" onClick={onDismiss}>
          {m.dismiss}
        </button>
      </div>
    </section>
  );
}
