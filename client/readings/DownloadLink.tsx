/**
 * A link to a file the server makes (a Word or Akoma Ntoso export). A plain click fetches it while saying so
 * ("Preparing the Word file…"), then saves it under the server's name; a failure is shown in
 * words instead of a page of JSON. Other clicks (new tab, copy link) are left to the browser.
 */
import { type MouseEvent, type ReactNode, useState } from 'react';
import { getFile } from '../api.js';
import { messages } from '../i18n/messages.js';
import { actionErrorMessage } from './actionError.js';
import './readings.css';

/** Saves `blob` as a download named `name`. */
function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Props of `DownloadLink`. */
export interface DownloadLinkProps {
  href: string;
  /** Name to save under when the server suggests none. */
  fallbackName: string;
  /** What is said while the file is prepared ("Preparing the Word file…" unless given). */
  preparing?: string;
  /** A description of the file (its `title`). */
  title?: string;
  children: ReactNode;
  className?: string;
}

type State =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'done'; name: string }
  | { status: 'failed'; message: string };

/** A download link with progress and errors. */
export function DownloadLink({
  href,
  fallbackName,
  preparing,
  title,
  children,
  className,
}: DownloadLinkProps) {
  const m = messages.readings.exports;
  const [state, setState] = useState<State>({ status: 'idle' });
  const busy = state.status === 'busy';

  const click = async (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (busy) return;
    setState({ status: 'busy' });
    try {
      const file = await getFile(href);
      const name = file.fileName ?? fallbackName;
      save(file.blob, name);
      setState({ status: 'done', name });
    } catch (error) {
      setState({ status: 'failed', message: actionErrorMessage(error) });
    }
  };

  return (
    <span className="download">
      <a
        href={href}
        download
        title={title}
        className={`button-link${className ? ` ${className}` : ''}`}
        aria-busy={busy}
        aria-disabled={busy || undefined}
        onClick={(e) => void click(e)}
      >
        <span className={busy ? 'spinner' : 'download-icon'} aria-hidden="true" />
        {children}
      </a>
      <span role="status" className="download-status">
        {state.status === 'busy'
          ? (preparing ?? m.preparing)
          : state.status === 'done'
            ? m.ready(state.name)
            : ''}
      </span>
      {state.status === 'failed' && (
        <span role="alert" className="field-error">
          {state.message}
        </span>
      )}
    </span>
  );
}
