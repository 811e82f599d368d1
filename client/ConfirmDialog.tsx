/**
 * Confirmation of destructive actions in a native modal `<dialog>`: it traps the focus, closes on
 * Escape, and gives the focus back to the button that opened it. Cancel is focused first, so that
 * pressing Enter twice never destroys anything by accident.
 */
import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { messages } from './i18n/messages.js';

/** What to ask. */
export interface ConfirmRequest {
  message: string;
  /** Label of the button that goes ahead, e.g. "Revoke". */
  confirmLabel: string;
}

interface Pending extends ConfirmRequest {
  resolve(confirmed: boolean): void;
}

/**
 * A confirmation dialog for a component: returns the element to render (null while closed) and
 * `confirm`, which opens the dialog and resolves to true when the person goes ahead.
 */
export function useConfirm(): [ReactNode, (request: ConfirmRequest) => Promise<boolean>] {
  const [pending, setPending] = useState<Pending | null>(null);
  const confirm = useCallback(
    (request: ConfirmRequest) =>
      new Promise<boolean>((resolve) => {
        setPending({ ...request, resolve });
      }),
    [],
  );
  const element = pending ? (
    <ConfirmDialog
      request={pending}
      onClose={(confirmed) => {
        setPending(null);
        pending.resolve(confirmed);
      }}
    />
  ) : null;
  return [element, confirm];
}

interface ConfirmDialogProps {
  request: ConfirmRequest;
  onClose(confirmed: boolean): void;
}

function ConfirmDialog({ request, onClose }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const messageId = useId();
  const latestOnClose = useRef(onClose);
  latestOnClose.current = onClose;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const closed = () => latestOnClose.current(element.returnValue === 'confirm');
    element.addEventListener('close', closed);
    if (!element.open) element.showModal();
    return () => {
      element.removeEventListener('close', closed);
      if (element.open) element.close();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-describedby={messageId}
      aria-label={request.confirmLabel}
    >
      <form method="dialog">
        <p id={messageId}>{request.message}</p>
        <div className="form-actions">
          {/* biome-ignore lint/a11y/noAutofocus: a modal dialog must focus a control inside it; Cancel is the safe one. */}
          <button type="submit" value="cancel" autoFocus>
            {messages.confirm.cancel}
          </button>
          <button type="submit" value="confirm" className="danger">
            {request.confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
