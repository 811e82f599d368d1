/**
 * The co-facilitators' controls of the readings cycle: circulate the next revision, open a
 * reading on it with a deadline (once per revision: after its reading, the next step is the next
 * revision), extend its deadline, close it (in a dialog that says it freezes a record and decides
 * every proposal still open). Only what the server would accept is offered. Errors come back as
 * readable messages from their stable codes.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useConfirm } from '../ConfirmDialog.js';
import { messages } from '../i18n/messages.js';
import { Link } from '../Link.js';
import { actionErrorMessage } from './actionError.js';
import { CloseReadingDialog } from './CloseReadingDialog.js';
import { DeadlineFields } from './DeadlineFields.js';
import {
  circulateRevision,
  closeReading,
  extendDeadline,
  openReading,
  type ReadingEntry,
  type Timeline,
} from './readingsApi.js';
import { importPath } from './routes.js';
import { latestRevision, nextRevisionLabel, openReadingOf } from './timelineEntries.js';
import { deadlineInstant, defaultDeadline, type LocalDeadline, localDeadlineAt } from './zonedTime.js';

/** Props of `ReadingControls`. */
export interface ReadingControlsProps {
  negotiationId: string;
  timeline: Timeline;
  /** Called after a successful action, to reload the timeline. */
  onChanged(): void;
}

type Notice = { text: string; error: boolean } | null;

/** The controls, for co-facilitators only (the server refuses everyone else anyway). */
export function ReadingControls({ negotiationId, timeline, onChanged }: ReadingControlsProps) {
  const m = messages.readings.actions;
  const [confirmElement, confirm] = useConfirm();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [closing, setClosing] = useState<ReadingEntry | null>(null);
  const open = openReadingOf(timeline);
  const revision = latestRevision(timeline);
  const nextLabel = nextRevisionLabel(timeline);
  // One reading per revision: once the latest revision was read, the next step is a new one.
  const readOn = revision ? timeline.readings.find((r) => r.revisionId === revision.id) : undefined;

  const run = async (action: () => Promise<unknown>, done: string): Promise<boolean> => {
    setBusy(true);
    setNotice(null);
    try {
      await action();
      setNotice({ text: done, error: false });
      onChanged();
      return true;
    } catch (error) {
      setNotice({ text: actionErrorMessage(error), error: true });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const circulate = async () => {
    if (!(await confirm({ message: m.confirmCirculate(nextLabel), confirmLabel: m.circulate(nextLabel) })))
      return;
    await run(() => circulateRevision(negotiationId), m.circulated(nextLabel));
  };

  /** Closes the reading once the dialog has every disposition; a refusal stays in the dialog. */
  const close = async (
    reading: ReadingEntry,
    dispositions: Parameters<typeof closeReading>[2],
  ): Promise<void> => {
    setBusy(true);
    setNotice(null);
    try {
      await closeReading(negotiationId, reading.id, dispositions);
    } finally {
      setBusy(false);
    }
    setClosing(null);
    setNotice({ text: m.closed(reading.label), error: false });
    onChanged();
  };

  return (
    <section className="reading-controls" aria-labelledby="reading-controls-heading">
      <h2 id="reading-controls-heading">{m.heading}</h2>
      <div role="status" aria-live="polite" data-testid="reading-notice">
        {notice && !notice.error && <p className="notice success">{notice.text}</p>}
      </div>
      {notice?.error && (
        <p role="alert" className="notice error" data-testid="reading-error">
          {notice.text}
        </p>
      )}
      {open ? (
        <div className="control-row">
          <DeadlineForm
            zone={timeline.timeZone}
            initial={localDeadlineAt(
              new Date(Date.parse(open.deadline) + 86_400_000).toISOString(),
              timeline.timeZone,
            )}
            title={m.extendHeading}
            submitLabel={m.extend}
            busy={busy}
            collapsed
            onSubmit={(deadline) => run(() => extendDeadline(negotiationId, open.id, deadline), m.extended)}
          />
          <div className="control">
            <button type="button" className="danger" disabled={busy} onClick={() => setClosing(open)}>
              {m.close}
            </button>
            <p className="hint">{m.closeHint}</p>
          </div>
        </div>
      ) : (
        <div className="control-row">
          <div className="control">
            <button type="button" className="primary" disabled={busy} onClick={() => void circulate()}>
              {m.circulate(nextLabel)}
            </button>
            <p className="hint">{m.circulateHint(nextLabel)}</p>
          </div>
          {revision && readOn && (
            <p className="hint read-on-revision">
              {m.readOnRevision(readOn.label, revision.label, nextLabel)}
            </p>
          )}
          {revision && !readOn && (
            <DeadlineForm
              zone={timeline.timeZone}
              initial={defaultDeadline(timeline.timeZone)}
              title={m.openReading(nextReadingLabel(timeline), revision.label)}
              hint={m.openHint}
              submitLabel={m.open}
              busy={busy}
              onSubmit={(deadline) =>
                run(() => openReading(negotiationId, deadline), m.opened(nextReadingLabel(timeline)))
              }
            />
          )}
        </div>
      )}
      {timeline.snapshots.length === 0 && (
        <p className="import-note">
          <Link href={importPath(negotiationId)}>{m.importDraft}</Link>{' '}
          <span className="hint">{m.importHint}</span>
        </p>
      )}
      {busy && (
        <p className="hint" aria-busy="true">
          {m.working}
        </p>
      )}
      {confirmElement}
      {closing && (
        <CloseReadingDialog
          negotiationId={negotiationId}
          reading={closing}
          onClose={(dispositions) => close(closing, dispositions)}
          onCancel={() => setClosing(null)}
        />
      )}
    </section>
  );
}

/** "Reading" numbered as the server will number it. */
function nextReadingLabel(t: Timeline): string {
  return messages.readings.readingLabel(t.readings.length + 1);
}

interface DeadlineFormProps {
  zone: string;
  initial: LocalDeadline;
  title: string;
  hint?: string;
  submitLabel: string;
  busy: boolean;
  /** Starts as a button that opens the form. */
  collapsed?: boolean;
  onSubmit(deadline: string): Promise<boolean>;
}

function DeadlineForm({
  zone,
  initial,
  title,
  hint,
  submitLabel,
  busy,
  collapsed = false,
  onSubmit,
}: DeadlineFormProps) {
  const [value, setValue] = useState(initial);
  const [tried, setTried] = useState(false);
  const [expanded, setExpanded] = useState(!collapsed);
  const form = useRef<HTMLFormElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);
  // Opening the form takes the focus into it; closing it gives the focus back to its button.
  useEffect(() => {
    if (!moved.current) return;
    if (expanded) form.current?.querySelector('input')?.focus();
    else opener.current?.focus();
  }, [expanded]);
  const toggle = (open: boolean) => {
    moved.current = true;
    setExpanded(open);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const result = deadlineInstant(value, zone);
    if (!result.ok) return;
    if ((await onSubmit(result.instant)) && collapsed) toggle(false);
  };
  if (!expanded) {
    return (
      <div className="control">
        <button ref={opener} type="button" aria-expanded={false} onClick={() => toggle(true)}>
          {submitLabel}
        </button>
      </div>
    );
  }
  return (
    <form
      ref={form}
      className="control deadline-form"
      aria-label={title}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h3>{title}</h3>
      {hint && <p className="hint">{hint}</p>}
      <DeadlineFields zone={zone} value={value} onChange={setValue} showProblem={tried} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
        {collapsed && (
          <button type="button" onClick={() => toggle(false)}>
            {messages.confirm.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
