/**
 * The dialog that closes a reading: it says that closing freezes a permanent record, lists every
 * proposal still open in the reading (paragraph, kind, delegation and what it says) with a choice
 * for each (incorporate, set aside, carry forward) and choices for all at once, and closes only
 * once each is decided. A native modal `<dialog>`: it traps the focus, closes on Escape, and
 * Cancel is focused first.
 */
import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { DISPOSITIONS, type Disposition } from '../../shared/proposals.js';
import { ApiError } from '../api.js';
import { messages } from '../i18n/messages.js';
import { ChangeWords } from '../proposals/ChangeWords.js';
import { actionErrorMessage } from './actionError.js';
import { fetchUndecided, type ReadingEntry, type UndecidedProposal } from './readingsApi.js';

/** Props of `CloseReadingDialog`. */
export interface CloseReadingDialogProps {
  negotiationId: string;
  reading: ReadingEntry;
  /** Closes the reading with these dispositions; rejects with the server's error. */
  onClose(dispositions: { proposalId: string; disposition: Disposition }[]): Promise<void>;
  onCancel(): void;
}

/** Errors after which the list is fetched again: the proposals changed while the dialog was open. */
const STALE = new Set(['PROPOSALS_UNDECIDED', 'PROPOSAL_CLOSED', 'PROPOSAL_NOT_FOUND', 'PROPOSAL_OUTDATED']);

/** The closing dialog. */
export function CloseReadingDialog({ negotiationId, reading, onClose, onCancel }: CloseReadingDialogProps) {
  const m = messages.readings.closeDialog;
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const [proposals, setProposals] = useState<UndecidedProposal[] | null>(null);
  const [choices, setChoices] = useState<Record<string, Disposition>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const latestCancel = useRef(onCancel);
  latestCancel.current = onCancel;

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const list = await fetchUndecided(negotiationId, reading.id, signal);
        setProposals(list);
        // Choices already made stay; proposals no longer open drop out.
        setChoices((before) =>
          Object.fromEntries(list.flatMap((p) => (before[p.id] ? [[p.id, before[p.id]!] as const] : []))),
        );
      } catch (e) {
        if (!signal?.aborted) setError(actionErrorMessage(e));
      }
    },
    [negotiationId, reading.id],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const cancelled = () => latestCancel.current();
    element.addEventListener('close', cancelled);
    if (!element.open) element.showModal();
    return () => {
      element.removeEventListener('close', cancelled);
      if (element.open) element.close();
    };
  }, []);

  const undecided = (proposals ?? []).filter((p) => !choices[p.id]);
  const tally = { incorporate: 0, 'set-aside': 0, 'carry-forward': 0 };
  for (const p of proposals ?? []) {
    const c = choices[p.id];
    if (c) tally[c]++;
  }

  const chooseAll = (disposition: Disposition) => {
    setError(null);
    setChoices(
      Object.fromEntries(
        (proposals ?? []).map((p) => [
          p.id,
          // A proposal that can no longer be applied keeps its own choice, or waits for one.
          disposition === 'incorporate' && !p.incorporable ? choices[p.id] : disposition,
        ]),
      ) as Record<string, Disposition>,
    );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!proposals) return;
    if (undecided.length > 0) {
      setError(m.undecided(undecided.length));
      dialog.current
        ?.querySelector<HTMLInputElement>(`input[name="disposition-${undecided[0]!.id}"]`)
        ?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onClose(proposals.map((p) => ({ proposalId: p.id, disposition: choices[p.id]! })));
    } catch (e) {
      const stale = e instanceof ApiError && STALE.has(e.code);
      setError(stale ? `${actionErrorMessage(e)} ${m.changed}` : actionErrorMessage(e));
      if (stale) await load();
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="confirm-dialog close-dialog" aria-labelledby={headingId}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={headingId}>{m.heading(reading.label)}</h2>
        <p>{messages.readings.actions.confirmClose(reading.label)}</p>
        {proposals === null && !error && <p aria-busy="true">{m.loading}</p>}
        {proposals?.length === 0 && <p>{m.noneOpen}</p>}
        {proposals && proposals.length > 0 && (
          <>
            <p>{m.intro(proposals.length)}</p>
            <fieldset className="bulk-choices">
              <legend>{m.bulk}</legend>
              {DISPOSITIONS.map((d) => (
                <button key={d} type="button" disabled={busy} onClick={() => chooseAll(d)}>
                  {m.all[d]}
                </button>
              ))}
            </fieldset>
            <ul className="undecided-list" aria-label={m.listLabel}>
              {proposals.map((p) => (
                <UndecidedRow
                  key={p.id}
                  proposal={p}
                  choice={choices[p.id]}
                  busy={busy}
                  onChoose={(d) => {
                    setError(null);
                    setChoices((c) => ({ ...c, [p.id]: d }));
                  }}
                />
              ))}
            </ul>
            <p className="hint" aria-live="polite" data-testid="close-tally">
              {m.tally(tally, undecided.length)}
            </p>
          </>
        )}
        {error && (
          <p role="alert" className="notice error">
            {error}
          </p>
        )}
        <div className="form-actions">
          {/* biome-ignore lint/a11y/noAutofocus: a modal dialog must focus a control inside it; Cancel is the safe one. */}
          <button type="button" autoFocus onClick={() => dialog.current?.close()}>
            {messages.confirm.cancel}
          </button>
          <button type="submit" className="danger" disabled={busy || proposals === null}>
            {busy ? m.closing : m.confirm}
          </button>
        </div>
      </form>
    </dialog>
  );
}

interface UndecidedRowProps {
  proposal: UndecidedProposal;
  choice: Disposition | undefined;
  busy: boolean;
  onChoose(d: Disposition): void;
}

function UndecidedRow({ proposal: p, choice, busy, onChoose }: UndecidedRowProps) {
  const m = messages.readings.closeDialog;
  const kind = messages.proposals.kinds[p.kind];
  const who = p.tabledBy
    ? messages.proposals.onBehalfOf(p.delegation.name, p.tabledBy.name)
    : p.delegation.name;
  const hintId = useId();
  return (
    <li className={`undecided${choice ? '' : ' pending'}`} data-proposal-id={p.id}>
      <fieldset aria-describedby={p.incorporable ? undefined : hintId}>
        <legend>{m.legend(p.label, kind, who)}</legend>
        <p className="undecided-content">
          {p.kind === 'amend'
            ? p.changes.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the changes of one amendment never move.
                <ChangeWords key={i} change={c} />
              ))
            : p.excerpt}
          {p.outdated && <span className="badge outdated">{m.outdated}</span>}
        </p>
        {!p.incorporable && (
          <p id={hintId} className="hint">
            {m.notIncorporable}
          </p>
        )}
        <div className="disposition-choices">
          {DISPOSITIONS.map((d) => (
            <label key={d} className={d === 'incorporate' && !p.incorporable ? 'disabled' : undefined}>
              <input
                type="radio"
                name={`disposition-${p.id}`}
                value={d}
                checked={choice === d}
                disabled={busy || (d === 'incorporate' && !p.incorporable)}
                onChange={() => onChoose(d)}
              />{' '}
              {m.choices[d]} <span className="muted">({m.choiceHints[d]})</span>
            </label>
          ))}
        </div>
      </fieldset>
    </li>
  );
}
