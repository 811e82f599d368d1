/**
 * Acting on proposals from any view (the compilation, the edit view's panel): each command runs
 * through the HTTP API with one `busy` flag and one notice of its outcome for the view to show.
 * Results arrive for everyone through the board; nothing is changed locally.
 */
import { useCallback, useMemo, useState } from 'react';
import type { ParagraphStatus, ProposalStatus } from '../../shared/proposals.js';
import { messages } from '../i18n/messages.js';
import { actionErrorMessage } from '../readings/actionError.js';
import type { CardActions } from './ProposalCard.js';
import { type ProposalApi, proposalApi } from './proposalApi.js';

/** The outcome of the last action, as the view shows it. */
export interface ActionNotice {
  text: string;
  error: boolean;
}

/** What `useProposalActions` gives a view. */
export interface ProposalActions {
  api: ProposalApi;
  busy: boolean;
  notice: ActionNotice | null;
  setNotice(notice: ActionNotice | null): void;
  /** Runs `action`, then notices `done` (nothing when null) or the error; resolves true when it succeeded. */
  run(action: () => Promise<unknown>, done: string | null): Promise<boolean>;
  /** The card actions that need no form: support, withdraw, status, apply (`edit` and `carry` are the view's). */
  card: Omit<CardActions, 'edit' | 'carry'>;
  setParagraphStatus(pid: string, status: ParagraphStatus): void;
}

/** Proposal commands of a negotiation with their busy flag and notice. */
export function useProposalActions(negotiationId: string): ProposalActions {
  const api = useMemo(() => proposalApi(negotiationId), [negotiationId]);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<ActionNotice | null>(null);

  const run = useCallback(async (action: () => Promise<unknown>, done: string | null) => {
    setBusy(true);
    setNotice(null);
    try {
      await action();
      if (done) setNotice({ text: done, error: false });
      return true;
    } catch (err) {
      setNotice({ text: actionErrorMessage(err), error: true });
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  const card = useMemo(
    () => ({
      support: (id: string) => void run(() => api.support(id), messages.proposals.done.supported),
      unsupport: (id: string) => void run(() => api.unsupport(id), messages.proposals.done.unsupported),
      withdraw: (id: string) => {
        if (window.confirm(messages.proposals.actions.confirmWithdraw))
          void run(() => api.withdraw(id), messages.proposals.done.withdrawn);
      },
      setStatus: (id: string, status: ProposalStatus) =>
        void run(() => api.setStatus(id, status), messages.proposals.done.status),
      apply: (id: string) => {
        if (window.confirm(messages.proposals.actions.confirmApply))
          void run(() => api.apply(id), messages.proposals.done.applied);
      },
    }),
    [api, run],
  );

  const setParagraphStatus = useCallback(
    (pid: string, status: ParagraphStatus) =>
      void run(() => api.setParagraphStatus(pid, status), messages.proposals.done.paragraph),
    [api, run],
  );

  return { api, busy, notice, setNotice, run, card, setParagraphStatus };
}
