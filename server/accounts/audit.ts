/** The audit log: who, for which delegation, did or was refused what, when. */
import type { Logger } from '../logger.js';
import type { Subject } from '../policies/policies.js';
import type { AuditRecord } from '../storage/records.js';
import type { Storage } from '../storage/storage.js';
import type { Membership, Principal } from './accounts.js';

/** Stable names of audited actions. */
export type AuditAction =
  | 'signin'
  | 'signin.refused'
  | 'signout'
  | 'invitation.created'
  | 'invitation.revoked'
  | 'session.revoked'
  | 'negotiation.created'
  | 'text.update.refused'
  | 'request.refused'
  | 'proposal.tabled'
  | 'proposal.edited'
  | 'proposal.withdrawn'
  | 'proposal.supported'
  | 'proposal.support-withdrawn'
  | 'proposal.status'
  | 'proposal.applied'
  | 'paragraph.status'
  | 'revision.circulated'
  | 'reading.opened'
  | 'reading.deadline'
  | 'reading.closed'
  | 'draft.imported'
  | 'roadmap.created'
  | 'roadmap.updated'
  | 'roadmap.deleted'
  | 'calendar.feed'
  | 'question.posted'
  | 'input.submitted'
  | 'input.edited'
  | 'inputs.visibility';

/** Who an audit entry names: a membership or subject, a principal, or nobody. */
export type AuditActor = Membership | Subject | Principal | null;

/**
 * Writes audit entries, stamped by `now`, the server's clock, injectable like the other services'
 * (the demo's history is written with a hand-moved 2022 clock). A command's entry is part of its
 * unit of work (`write`); refusals and sign-in failures, which change nothing else, are recorded
 * on a best-effort basis (`record`).
 */
export class AuditLog {
  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Appends the entry of a command, inside the command's unit of work (`Storage.transaction`): a
   * failure is thrown, so that the command fails with it and nothing of it is kept.
   */
  async write(
    action: AuditAction,
    negotiationId: string | null,
    who: AuditActor,
    detail: Record<string, unknown> = {},
  ): Promise<void> {
    await this.storage.audit.append(this.entry(action, negotiationId, who, detail));
  }

  /**
   * Records an action that is the only thing written (a refusal, a failed sign-in); a failure to
   * audit it is logged, never thrown at the caller.
   */
  async record(
    action: AuditAction,
    negotiationId: string | null,
    who: AuditActor,
    detail: Record<string, unknown> = {},
  ): Promise<void> {
    try {
      await this.write(action, negotiationId, who, detail);
    } catch (err) {
      this.log.error('audit.failed', { action, error: (err as Error).message });
    }
  }

  /** A negotiation's entries, newest first. */
  list(negotiationId: string, limit: number): Promise<AuditRecord[]> {
    return this.storage.audit.list(negotiationId, limit);
  }

  private entry(
    action: AuditAction,
    negotiationId: string | null,
    who: AuditActor,
    detail: Record<string, unknown>,
  ): Omit<AuditRecord, 'seq'> {
    const principal = who && 'participant' in who ? who.principal : who;
    const delegation = who && 'participant' in who ? (who.participant?.delegation ?? null) : null;
    return {
      at: this.now().toISOString(),
      negotiationId,
      personId: principal?.person.id ?? null,
      personName: principal?.person.name ?? null,
      delegation,
      action,
      detail,
    };
  }
}
