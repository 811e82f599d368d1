/** The audit log: who, for which delegation, did or was refused what, when. */
import type { Logger } from '../logger.js';
import type { Subject } from '../policies/policies.js';
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

/**
 * Writes audit entries; a failure to audit is logged, never thrown at the caller. Entries are
 * stamped by `now`, the server's clock, injectable like the other services' (the demo's history
 * is written with a hand-moved 2022 clock).
 */
export class AuditLog {
  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Records an action by `who` (a membership or subject, a principal, or nobody) in a negotiation. */
  async record(
    action: AuditAction,
    negotiationId: string | null,
    who: Membership | Subject | Principal | null,
    detail: Record<string, unknown> = {},
  ): Promise<void> {
    const principal = who && 'participant' in who ? who.principal : who;
    const delegation = who && 'participant' in who ? (who.participant?.delegation ?? null) : null;
    try {
      await this.storage.audit.append({
        at: this.now().toISOString(),
        negotiationId,
        personId: principal?.person.id ?? null,
        personName: principal?.person.name ?? null,
        delegation,
        action,
        detail,
      });
    } catch (err) {
      this.log.error('audit.failed', { action, error: (err as Error).message });
    }
  }
}
