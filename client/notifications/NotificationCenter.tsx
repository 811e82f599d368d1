/**
 * The notification centre of the negotiation header: a button with the unread count that opens
 * the list of notifications, and toasts that appear for a moment as things happen. The toasts
 * sit in a polite live region, so screen readers announce them without the focus moving; each
 * can be dismissed, and every notification stays in the list the person can reopen.
 */
import { useCallback, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { messages } from '../i18n/messages.js';
import { Link } from '../Link.js';
import type { Viewer } from '../proposals/viewer.js';
import { formatInstant } from '../roadmap/zonedTime.js';
import { negotiationPath } from '../routing.js';
import type { Notification } from './derive.js';
import type { Notifier, NotifierState } from './notifier.js';
import './notifications.css';

/** How long a toast stays on screen. */
const TOAST_MS = 12_000;

const EMPTY: NotifierState = { items: [], toasts: [], unread: 0 };
const noop = () => () => undefined;

/** The shared notifier of the viewer, held while the calling component is shown. */
function useNotifier(
  negotiationId: string,
  viewer: Viewer,
  personId: string | undefined,
): [Notifier | null, NotifierState] {
  const [notifier, setNotifier] = useState<Notifier | null>(null);
  useEffect(() => {
    let release: (() => void) | null = null;
    let gone = false;
    // The notifier keeps the board live, whose code loads when first needed (see `useBoard`).
    void import('./notifier.js').then(({ acquireNotifier }) => {
      if (gone) return;
      const held = acquireNotifier(
        negotiationId,
        { role: viewer.role, delegation: viewer.delegation },
        personId,
      );
      release = held.release;
      setNotifier(held.notifier);
    });
    return () => {
      gone = true;
      release?.();
      setNotifier(null);
    };
  }, [negotiationId, viewer.role, viewer.delegation, personId]);
  const state = useSyncExternalStore(
    notifier ? notifier.subscribe : noop,
    notifier ? notifier.getState : () => EMPTY,
  );
  return [notifier, state];
}

/** What a notification says, and where it leads. */
export function describe(
  n: Notification,
  negotiationId: string,
  timeZone: string,
): { text: string; href?: string; link?: string } {
  const m = messages.notifications;
  if (n.kind === 'deadline-passed')
    return { text: m.deadlinePassed(n.readingNumber, formatInstant(n.deadline, timeZone)) };
  if (n.kind === 'own') {
    const subject = m.own.subject(n.proposalKind, n.label, n.excerpt);
    // Outdated means for an amendment that its words changed; for the other kinds, that their
    // paragraph was removed from the text.
    const text = {
      outdated: n.proposalKind === 'amend' ? m.own.outdated : m.own.removed,
      applied: m.own.applied,
      incorporated: m.own.incorporated,
      partly: m.own.partly,
      'set-aside': m.own.setAside,
      superseded: m.own.superseded,
      carried: m.own.carried,
    }[n.change](subject, n.group);
    return {
      text,
      href: `${negotiationPath(negotiationId)}#proposal-${n.proposalId}`,
      // Only the delegation that tabled it may carry it onto the current text.
      link: n.change === 'outdated' && n.proposalKind === 'amend' && !n.group ? m.carryOnto : m.showProposal,
    };
  }
  if (n.kind === 'support-dropped')
    return {
      text: m.supportDropped(m.own.subject(n.proposalKind, n.label, n.excerpt), n.by),
      href: `${negotiationPath(negotiationId)}#proposal-${n.proposalId}`,
      link: m.showProposal,
    };
  const notice = n.notice;
  switch (notice.kind) {
    case 'reading-opened':
      return { text: m.readingOpened(notice.readingNumber, notice.revisionLabel, notice.carried) };
    case 'reading-closed':
      return { text: m.readingClosed(notice.readingNumber, notice) };
    case 'revision-circulated':
      return { text: m.revisionCirculated(notice.revisionLabel) };
    case 'deadline-extended':
      return { text: m.deadlineExtended(notice.readingNumber, formatInstant(notice.deadline, timeZone)) };
  }
}

/** Brings the proposal a link names into view once the text page shows it. */
function revealProposal(href: string): void {
  const hash = href.split('#')[1];
  if (!hash) return;
  let tries = 0;
  const look = () => {
    const element = document.getElementById(hash);
    if (element) {
      element.scrollIntoView({ block: 'center' });
      if (element.tabIndex < 0 && !element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
      element.focus({ preventScroll: true });
    } else if (++tries < 40) setTimeout(look, 250);
  };
  look();
}

/** Props of `NotificationCenter`. */
export interface NotificationCenterProps {
  negotiationId: string;
  timeZone: string;
  viewer: Viewer;
  /** The person signed in: their own actions are listed but not toasted. */
  personId?: string;
}

/** The notifications button, list and toasts. */
export function NotificationCenter({ negotiationId, timeZone, viewer, personId }: NotificationCenterProps) {
  const m = messages.notifications;
  const [notifier, state] = useNotifier(negotiationId, viewer, personId);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const headingId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLElement>(null);

  // The focus moves into the list as it opens (and back to the button as it closes); whatever
  // the open list shows counts as read.
  useEffect(() => {
    if (open) panel.current?.focus();
  }, [open]);
  useEffect(() => {
    if (open && state.unread > 0) notifier?.markAllRead();
  }, [open, state.unread, notifier]);
  const dismiss = useCallback((id: string) => notifier?.dismissToast(id), [notifier]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const follow = (href: string) => {
    setOpen(false);
    revealProposal(href);
  };

  return (
    <div className="notification-center">
      <button
        ref={button}
        type="button"
        className={`notifications-button${state.unread > 0 ? ' has-unread' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={m.buttonLabel(state.unread)}
        data-testid="notifications-button"
        onClick={() => (open ? close() : setOpen(true))}
      >
        <span aria-hidden="true">{m.button}</span>
        {state.unread > 0 && (
          <span className="unread-count" aria-hidden="true">
            {state.unread}
          </span>
        )}
      </button>
      {open && (
        <section
          ref={panel}
          id={panelId}
          className="notifications-panel"
          aria-labelledby={headingId}
          tabIndex={-1}
          data-testid="notifications-panel"
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        >
          <div className="notifications-head">
            <h2 id={headingId}>{m.heading}</h2>
            <button type="button" onClick={close}>
              {m.close}
            </button>
          </div>
          {state.items.length === 0 ? (
            <p className="hint">{m.empty}</p>
          ) : (
            <ol className="notifications-list">
              {state.items.map((item) => {
                const d = describe(item, negotiationId, timeZone);
                return (
                  <li key={item.id} className={item.unread ? 'unread' : undefined}>
                    <p>{d.text}</p>
                    <p className="notification-meta">
                      <time dateTime={item.at}>{formatInstant(item.at, timeZone)}</time>
                      {item.sinceLastVisit && <span> · {m.sinceLastVisit}</span>}
                      {d.href && (
                        <>
                          {' · '}
                          <Link href={d.href} onClick={() => follow(d.href!)}>
                            {d.link}
                          </Link>
                        </>
                      )}
                    </p>
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      )}
      <Toasts
        toasts={state.toasts}
        negotiationId={negotiationId}
        timeZone={timeZone}
        onDismiss={dismiss}
        onFollow={follow}
      />
    </div>
  );
}

interface ToastsProps {
  toasts: readonly Notification[];
  negotiationId: string;
  timeZone: string;
  onDismiss(id: string): void;
  onFollow(href: string): void;
}

/** The toasts, in a polite live region that is always there so that additions are announced. */
function Toasts({ toasts, negotiationId, timeZone, onDismiss, onFollow }: ToastsProps) {
  return (
    <div className="toasts" role="status" aria-live="polite" data-testid="toasts">
      {toasts.map((t) => (
        <Toast
          key={t.id}
          notification={t}
          negotiationId={negotiationId}
          timeZone={timeZone}
          onDismiss={onDismiss}
          onFollow={onFollow}
        />
      ))}
    </div>
  );
}

function Toast({
  notification,
  negotiationId,
  timeZone,
  onDismiss,
  onFollow,
}: Omit<ToastsProps, 'toasts'> & { notification: Notification }) {
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) return;
    const timer = setTimeout(() => onDismiss(notification.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [paused, notification.id, onDismiss]);
  const d = describe(notification, negotiationId, timeZone);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: pausing on hover and focus is a convenience; the dismiss button is the control.
    <div
      className={`toast toast-${notification.kind}`}
      data-testid="toast"
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <p>
        {d.text}
        {d.href && (
          <>
            {' '}
            <Link href={d.href} onClick={() => onFollow(d.href!)}>
              {d.link}
            </Link>
          </>
        )}
      </p>
      <button
        type="button"
        className="toast-dismiss"
        aria-label={messages.notifications.dismiss}
        onClick={() => onDismiss(notification.id)}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
