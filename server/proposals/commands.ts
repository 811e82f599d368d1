/**
 * Proposal commands. Each one validates the caller's rights from the session (never from the
 * request), checks the paragraph and the proposal, commits its writes and its audit entry as one
 * unit of work, then publishes. A negotiation's commands run one at a time (`Storage.serialize`),
 * so checks and writes cannot interleave, across every process sharing the storage.
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import {
  AnchorResolver,
  anchorChanges,
  draftParagraphs,
  findParagraph,
  paragraphFingerprint,
  paragraphPlainText,
  paragraphTextType,
  resolveChanges,
} from '../../shared/anchors.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { insertionPoint, type NumberingBasis, numberWithBasis } from '../../shared/numbering.js';
import {
  delegationRef,
  PARAGRAPH_STATUSES,
  type ParagraphStatus,
  type ProposalKind,
  paragraphOpen,
  SETTABLE_STATUSES,
} from '../../shared/proposals.js';
import { draftDocName } from '../../shared/protocol.js';
import { invisibleChange, normalizeText } from '../../shared/textValidation.js';
import { wordChanges } from '../../shared/wordDiff.js';
import type { Membership } from '../accounts/accounts.js';
import type { AuditLog } from '../accounts/audit.js';
import type { Rooms } from '../collab/rooms.js';
import { textField } from '../http/validate.js';
import {
  ownsProposal,
  requireOwnProposal,
  supportingDelegation,
  tablingDelegation,
} from '../policies/ownership.js';
import { authorize } from '../policies/policies.js';
import { numberingBasis } from '../readings/numberingBasis.js';
import type { Readings } from '../readings/readings.js';
import type { ProposalContent, ProposalRecord } from '../storage/records.js';
import type { Storage } from '../storage/storage.js';
import type { Publication } from './publication.js';

/** Longest text of a proposal or comment, in characters. */
export const MAX_PROPOSAL_TEXT = 5_000;

// Checked as sent; the kinds other than amendments are stored in NFC (`contentFor`). An
// amendment's words stay as sent, so that its changes line up with the paragraph's characters.
const text = textField({ max: MAX_PROPOSAL_TEXT, multiline: true, normalize: false });
const pid = z.string().min(1).max(64);
const delegation = z.string().min(2).max(12).optional();

const amend = { kind: z.literal('amend'), pid, text, baseText: z.string().max(MAX_PROPOSAL_TEXT) };
const comment = { kind: z.literal('comment'), pid, text, reservation: z.boolean().optional() };

/** Body of "table a proposal"; `delegation` may only name the caller's own delegation or one of its groups. */
export const TableBody = z.discriminatedUnion('kind', [
  z.object({ ...amend, delegation }).strict(),
  z.object({ kind: z.literal('delete'), pid, delegation }).strict(),
  z.object({ kind: z.literal('retain'), pid, delegation }).strict(),
  z.object({ kind: z.literal('insert'), pid, text, delegation }).strict(),
  z.object({ kind: z.literal('alt'), pid, text, delegation }).strict(),
  z.object({ ...comment, delegation }).strict(),
]);

/**
 * One proposal of a batch (`tableBatch`): the kinds an import from Word makes, with no
 * `delegation` of its own (the batch names it once, and attribution comes from the session).
 */
export const TableItem = z.discriminatedUnion('kind', [
  z.object(amend).strict(),
  z.object({ kind: z.literal('delete'), pid }).strict(),
  z.object({ kind: z.literal('insert'), pid, text }).strict(),
  z.object(comment).strict(),
]);

/** Body of "edit my proposal". */
export const EditBody = z.object({ text, baseText: z.string().max(MAX_PROPOSAL_TEXT).optional() }).strict();
/** Body of "set a proposal's status" (carrying forward is decided only when a reading closes). */
export const StatusBody = z.object({ status: z.enum(SETTABLE_STATUSES) }).strict();
/** Body of "set a paragraph's status". */
export const ParagraphStatusBody = z.object({ status: z.enum(PARAGRAPH_STATUSES) }).strict();

const EDITABLE: readonly ProposalRecord['status'][] = ['open'];

/** The proposal commands of all negotiations. */
export class ProposalCommands {
  /** Per negotiation, each paragraph's fingerprint at the last outdated check. */
  private readonly fingerprints = new Map<string, Map<string, string>>();

  constructor(
    private readonly storage: Storage,
    private readonly rooms: Rooms,
    private readonly publication: Publication,
    private readonly audit: AuditLog,
    private readonly readings: Readings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private stamp(): string {
    return this.now().toISOString();
  }

  /** Refuses changes by anyone to a proposal whose reading is closed (or that waits, carried forward, for the next). */
  private async requireReadingOpen(p: ProposalRecord): Promise<void> {
    const open = await this.readings.openReading(p.negotiationId);
    if (!open || (p.readingId !== null && p.readingId !== open.id)) {
      throw new AppError('READING_CLOSED', 'The reading in which this proposal was tabled is closed.');
    }
  }

  /**
   * Runs commands of one negotiation one at a time, and never during a change of its readings
   * (which take the same scope), so checks and writes cannot interleave.
   */
  private serial<T>(negotiationId: string, fn: () => Promise<T>): Promise<T> {
    return this.storage.serialize(negotiationId, fn);
  }

  /** Tables a proposal for the caller's delegation (or one of its groups). */
  table(m: Membership, body: z.infer<typeof TableBody>): Promise<ProposalRecord> {
    const negotiationId = m.participant.negotiationId;
    return this.serial(negotiationId, async () => {
      const as = tablingDelegation(m, body.delegation);
      const reading = await this.readings.readingForProposals(negotiationId);
      const record = await this.prepareTabling(m, body, { ...as, readingId: reading.id });
      await this.storage.transaction(() => this.storeTabled(m, record));
      await this.publication.publish(negotiationId, [record.id], m.principal.person.id);
      return record;
    });
  }

  /**
   * Tables a batch of proposals (a delegation's amendments imported from Word) for the caller's
   * delegation, or the group `delegation` names, in one unit of work: every item passes the checks
   * of `table` (a duplicate of a proposal already tabled, or of an earlier item, included) or
   * nothing is stored; a refusal names the item in `details.index`. Published after the commit.
   */
  tableBatch(
    m: Membership,
    items: readonly z.infer<typeof TableItem>[],
    delegation?: string,
  ): Promise<ProposalRecord[]> {
    const negotiationId = m.participant.negotiationId;
    authorize(m, 'amendments.import');
    return this.serial(negotiationId, async () => {
      const as = tablingDelegation(m, delegation);
      const reading = await this.readings.readingForProposals(negotiationId);
      const records: ProposalRecord[] = [];
      for (const [index, item] of items.entries()) {
        try {
          records.push(await this.prepareTabling(m, item, { ...as, readingId: reading.id }, records));
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          throw new AppError(err.code, `Proposal ${index + 1}: ${err.message}`, { ...err.details, index });
        }
      }
      await this.storage.transaction(async () => {
        for (const record of records) await this.storeTabled(m, record, { source: 'word' });
      });
      await this.publication.publish(
        negotiationId,
        records.map((r) => r.id),
        m.principal.person.id,
      );
      return records;
    });
  }

  /**
   * For each of `items`, the id of the open proposal the caller's delegation (or `delegation`)
   * already tabled with the same content in the open reading, or null. Reads only: what an import
   * preview marks "already tabled"; an item that could not be tabled at all answers null here.
   */
  async alreadyTabled(
    m: Membership,
    items: readonly z.infer<typeof TableItem>[],
    delegation?: string,
  ): Promise<(string | null)[]> {
    const negotiationId = m.participant.negotiationId;
    const { code } = tablingDelegation(m, delegation);
    const reading = await this.readings.openReading(negotiationId);
    if (!reading) return items.map(() => null);
    const out: (string | null)[] = [];
    for (const item of items) {
      try {
        const content = await this.contentFor(negotiationId, item.kind, item);
        out.push((await this.duplicateOf(negotiationId, item, content, code, reading.id))?.id ?? null);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        out.push(null);
      }
    }
    return out;
  }

  /**
   * The record tabling `body` would store, after every check (paragraph open, content, duplicates
   * among the stored proposals and `pending`, records of the same batch not stored yet). Runs in
   * the negotiation's scope.
   */
  private async prepareTabling(
    m: Membership,
    body: { kind: ProposalKind; pid: string; text?: string; baseText?: string; reservation?: boolean },
    as: { code: string; tabledBy: string | null; readingId: string },
    pending: readonly ProposalRecord[] = [],
  ): Promise<ProposalRecord> {
    const negotiationId = m.participant.negotiationId;
    await this.requireOpenParagraph(negotiationId, body.pid);
    const content = await this.contentFor(negotiationId, body.kind, body);
    const same = await this.duplicateOf(negotiationId, body, content, as.code, as.readingId, pending);
    if (same)
      throw new AppError(
        'PROPOSAL_DUPLICATE',
        `${delegationRef(as.code).name} already tabled this proposal on this paragraph in this reading.`,
        { proposalId: same.id },
      );
    const now = this.stamp();
    return {
      id: newId(),
      negotiationId,
      pid: body.pid,
      kind: body.kind,
      delegation: as.code,
      tabledBy: as.tabledBy,
      personId: m.principal.person.id,
      personName: m.principal.person.name,
      readingId: as.readingId,
      status: 'open',
      outdated: false,
      version: 1,
      content,
      createdAt: now,
      updatedAt: now,
      appliedAt: null,
      appliedBy: null,
      carriedFrom: null,
    };
  }

  /**
   * The proposal `code` already has open on the paragraph in the reading with the same content:
   * a second click, a retried request or a colleague of the same delegation tabling the same
   * words is one proposal, not two under the same name. `pending` counts as tabled.
   */
  private async duplicateOf(
    negotiationId: string,
    body: { kind: ProposalKind; pid: string },
    content: ProposalContent,
    code: string,
    readingId: string,
    pending: readonly ProposalRecord[] = [],
  ): Promise<ProposalRecord | undefined> {
    const alike = [
      ...(await this.storage.proposals.openOnParagraph(negotiationId, body.pid)),
      ...pending,
    ].filter(
      (p) =>
        p.pid === body.pid &&
        p.readingId === readingId &&
        p.delegation === code &&
        p.kind === body.kind &&
        sameContent(p.kind, p.content, content),
    );
    // The same words changed at the same place: an amendment of the first "some" and one of the
    // second, in "some regions and some countries", are two proposals.
    if (body.kind !== 'amend' || alike.length === 0) return alike[0];
    return this.rooms.withRoom(draftDocName(negotiationId), (room) => {
      const anchors = new AnchorResolver(room.doc);
      const here = JSON.stringify(anchors.resolve(body.pid, content.changes));
      return alike.find((p) => JSON.stringify(anchors.resolve(p.pid, p.content.changes)) === here);
    });
  }

  /** Stores a tabled proposal and its audit entry; called inside a unit of work. */
  private async storeTabled(m: Membership, record: ProposalRecord, extra: Record<string, unknown> = {}) {
    await this.storage.proposals.insert(record);
    await this.audit.write('proposal.tabled', record.negotiationId, m, {
      proposalId: record.id,
      kind: record.kind,
      pid: record.pid,
      delegation: record.delegation,
      ...extra,
    });
  }

  /** Edits the text of the caller's own open proposal; the earlier version is kept. */
  edit(m: Membership, id: string, body: z.infer<typeof EditBody>): Promise<ProposalRecord> {
    const negotiationId = m.participant.negotiationId;
    return this.serial(negotiationId, async () => {
      const p = await this.proposal(negotiationId, id);
      requireOwnProposal(m, p, 'proposal.edit');
      if (!EDITABLE.includes(p.status))
        throw new AppError('PROPOSAL_CLOSED', 'Only an open proposal can be edited.');
      await this.requireReadingOpen(p);
      await this.readings.readingForProposals(negotiationId);
      await this.requireOpenParagraph(negotiationId, p.pid);
      const content = await this.contentFor(negotiationId, p.kind, {
        pid: p.pid,
        text: body.text,
        baseText: body.baseText ?? p.content.baseText,
        reservation: p.content.reservation,
      });
      if (p.kind !== 'amend' && invisibleChange(p.content.text, content.text))
        throw new AppError(
          'INVISIBLE_TEXT',
          'text: nothing visible would change: the edit only adds or removes invisible characters.',
        );
      // Support was given to the words as they stood: new words need it given again. Carrying
      // the same changes onto a newer text (re-anchoring) keeps it.
      const reworded = !sameContent(p.kind, p.content, content);
      const dropped = reworded
        ? (await this.storage.proposals.supportsOf([id])).map((s) => s.delegation)
        : [];
      const updated = await this.storage.transaction(async () => {
        const edited = await this.storage.proposals.update(id, {
          content,
          outdated: false,
          dropSupport: dropped.length > 0,
          at: this.stamp(),
          personId: m.principal.person.id,
        });
        await this.audit.write('proposal.edited', negotiationId, m, {
          proposalId: id,
          version: edited.version,
          ...(dropped.length > 0 ? { supportDropped: dropped } : {}),
        });
        return edited;
      });
      await this.publication.publish(negotiationId, [id], m.principal.person.id);
      return updated;
    });
  }

  /** Withdraws the caller's own proposal. */
  withdraw(m: Membership, id: string): Promise<ProposalRecord> {
    const negotiationId = m.participant.negotiationId;
    return this.serial(negotiationId, async () => {
      const p = await this.proposal(negotiationId, id);
      requireOwnProposal(m, p, 'proposal.withdraw');
      if (p.status !== 'open')
        throw new AppError('PROPOSAL_CLOSED', 'Only an open proposal can be withdrawn.');
      await this.requireReadingOpen(p);
      const updated = await this.storage.transaction(async () => {
        const withdrawn = await this.storage.proposals.update(id, {
          status: 'withdrawn',
          at: this.stamp(),
          personId: m.principal.person.id,
        });
        await this.audit.write('proposal.withdrawn', negotiationId, m, { proposalId: id });
        return withdrawn;
      });
      await this.publication.publish(negotiationId, [id], m.principal.person.id);
      return updated;
    });
  }

  /** Adds or removes the caller's delegation's support. */
  setSupport(m: Membership, id: string, support: boolean): Promise<ProposalRecord> {
    const negotiationId = m.participant.negotiationId;
    authorize(m, 'proposal.support');
    return this.serial(negotiationId, async () => {
      const p = await this.proposal(negotiationId, id);
      const own = supportingDelegation(m, p);
      await this.requireReadingOpen(p);
      if (support) {
        if (p.status !== 'open')
          throw new AppError('PROPOSAL_CLOSED', 'Only an open proposal can be supported.');
        await this.requireOpenParagraph(negotiationId, p.pid);
      }
      await this.storage.transaction(async () => {
        if (support)
          await this.storage.proposals.addSupport({
            proposalId: id,
            delegation: own,
            personId: m.principal.person.id,
            createdAt: this.stamp(),
          });
        else await this.storage.proposals.removeSupport(id, own);
        await this.audit.write(
          support ? 'proposal.supported' : 'proposal.support-withdrawn',
          negotiationId,
          m,
          { proposalId: id },
        );
      });
      await this.publication.publish(negotiationId, [id], m.principal.person.id);
      return p;
    });
  }

  /** Co-facilitators: sets a proposal's status. */
  setStatus(m: Membership, id: string, status: ProposalRecord['status']): Promise<ProposalRecord> {
    const negotiationId = m.participant.negotiationId;
    return this.serial(negotiationId, async () => {
      authorize(m, 'proposal.setStatus');
      const p = await this.proposal(negotiationId, id);
      // A closed reading's outcomes are its record: decided at closing, never changed after.
      await this.requireReadingOpen(p);
      // Withdrawing is the tabling delegation's own act: nobody else withdraws or revives it.
      if (p.status === 'withdrawn' && status !== 'withdrawn')
        throw new AppError(
          'PROPOSAL_CLOSED',
          'This proposal was withdrawn by its delegation; only the delegation can table it again.',
        );
      if (status === 'withdrawn' && p.status !== 'withdrawn' && !ownsProposal(m, p))
        throw new AppError(
          'NOT_YOUR_PROPOSAL',
          'Only the delegation that tabled this proposal can withdraw it.',
        );
      // The outdated check skips amendments that are not open: check again when one may reopen.
      const outdated =
        p.kind === 'amend' && !p.appliedAt
          ? await this.rooms.withRoom(
              draftDocName(negotiationId),
              (room) => resolveChanges(room.doc, p.pid, p.content.changes) === null,
            )
          : undefined;
      const updated = await this.storage.transaction(async () => {
        const set = await this.storage.proposals.update(id, {
          status,
          outdated,
          at: this.stamp(),
          personId: m.principal.person.id,
        });
        await this.audit.write('proposal.status', negotiationId, m, { proposalId: id, status });
        return set;
      });
      await this.publication.publish(negotiationId, [id], m.principal.person.id);
      return updated;
    });
  }

  /**
   * Co-facilitators: applies an amendment, alternative or new paragraph to the base text in one
   * step. The text change, the proposal marked incorporated and the audit entry are one unit of
   * work (`Room.serverChange` with its records): all stored, or none.
   */
  apply(m: Membership, id: string): Promise<ProposalRecord> {
    const negotiationId = m.participant.negotiationId;
    return this.serial(negotiationId, async () => {
      authorize(m, 'proposal.apply');
      const p = await this.proposal(negotiationId, id);
      await this.requireReadingOpen(p);
      if (p.appliedAt) throw new AppError('NOT_APPLICABLE', 'This proposal was already applied to the text.');
      if (p.status !== 'open')
        throw new AppError(
          'PROPOSAL_CLOSED',
          p.status === 'withdrawn'
            ? 'This proposal was withdrawn by its delegation and cannot be applied.'
            : 'Only an open proposal can be applied to the text; reopen it first.',
          { status: p.status },
        );
      if (!['amend', 'alt', 'insert'].includes(p.kind)) {
        throw new AppError(
          'NOT_APPLICABLE',
          'Only amendments, alternative texts and new paragraphs can be applied to the text.',
        );
      }
      // Agreed words stay as agreed; a new paragraph after an agreed one leaves it as it is.
      if (p.kind !== 'insert') await this.requireNotAgreed(negotiationId, p.pid);
      const basis = await numberingBasis(this.storage, negotiationId);
      let updated: ProposalRecord | undefined;
      await this.rooms.withRoom(draftDocName(negotiationId), (room) =>
        room.serverChange(
          (doc) => applyProposal(doc, p, basis),
          async (update) => {
            const at = this.stamp();
            updated = await this.storage.proposals.update(id, {
              status: 'incorporated',
              applied: { at, by: m.principal.person.id, update },
              at,
              personId: m.principal.person.id,
            });
            await this.audit.write('proposal.applied', negotiationId, m, { proposalId: id, pid: p.pid });
          },
        ),
      );
      await this.publication.publish(negotiationId, [id], m.principal.person.id);
      return updated!;
    });
  }

  /** Co-facilitators: sets a paragraph's status. */
  setParagraphStatus(m: Membership, pidValue: string, status: ParagraphStatus): Promise<void> {
    const negotiationId = m.participant.negotiationId;
    return this.serial(negotiationId, async () => {
      authorize(m, 'paragraph.setStatus');
      await this.paragraphText(negotiationId, pidValue);
      const updatedAt = this.stamp();
      await this.storage.transaction(async () => {
        await this.storage.proposals.setParagraphStatus({
          negotiationId,
          pid: pidValue,
          status,
          updatedAt,
          personId: m.principal.person.id,
        });
        await this.audit.write('paragraph.status', negotiationId, m, { pid: pidValue, status });
      });
      await this.publication.publishParagraph(negotiationId, pidValue, { status, updatedAt });
    });
  }

  /**
   * Marks amendments outdated (or current again) after the base text changed, and proposals of
   * the other kinds while their paragraph is no longer in the text. Only the
   * amendments of paragraphs whose text changed since the last check are read and resolved
   * again (see `paragraphFingerprint`), so a keystroke costs one pass over the paragraphs, not
   * a pass over every amendment. Amendments tabled or edited since were anchored to the text as
   * it then was, and `setStatus` checks an amendment again when its status changes. The marks
   * are stored as one unit of work; the fingerprints are kept only once it has committed.
   */
  refreshOutdated(negotiationId: string): Promise<void> {
    return this.serial(negotiationId, async () => {
      const { now, marks } = await this.rooms.withRoom(draftDocName(negotiationId), async (room) => {
        const now = new Map(draftParagraphs(room.doc).map((p) => [p.pid, paragraphFingerprint(p.element)]));
        const before = this.fingerprints.get(negotiationId);
        const marks: { p: ProposalRecord; outdated: boolean }[] = [];
        let pids: string[] | undefined;
        if (before) {
          pids = [...now].filter(([pid, fp]) => before.get(pid) !== fp).map(([pid]) => pid);
          for (const pid of before.keys()) if (!now.has(pid)) pids.push(pid);
          if (pids.length === 0) return { now, marks };
        }
        const candidates = await this.storage.proposals.openAmendments(negotiationId, pids);
        const anchors = new AnchorResolver(room.doc);
        for (const p of candidates) {
          const outdated = anchors.resolve(p.pid, p.content.changes) === null;
          if (outdated !== p.outdated) marks.push({ p, outdated });
        }
        // The other kinds target the whole paragraph: outdated while it is no longer in the text
        // (removed by the co-facilitators), current again if it comes back (an undo).
        // The first check after a start looks at all of them, later ones at the paragraphs that
        // came or went.
        const whole = before
          ? (
              await Promise.all(
                (pids ?? [])
                  .filter((pid) => !before.has(pid) || !now.has(pid))
                  .map((pid) => this.storage.proposals.openOnParagraph(negotiationId, pid)),
              )
            ).flat()
          : (await this.storage.proposals.list(negotiationId)).filter((p) => p.status === 'open');
        for (const p of whole) {
          const outdated = !now.has(p.pid);
          if (p.kind !== 'amend' && outdated !== p.outdated) marks.push({ p, outdated });
        }
        return { now, marks };
      });
      if (marks.length > 0)
        await this.storage.transaction(async () => {
          for (const { p, outdated } of marks)
            await this.storage.proposals.update(p.id, { outdated, at: this.stamp(), personId: p.personId });
        });
      this.fingerprints.set(negotiationId, now);
      if (marks.length > 0)
        await this.publication.publish(
          negotiationId,
          marks.map((x) => x.p.id),
        );
    });
  }

  private async proposal(negotiationId: string, id: string): Promise<ProposalRecord> {
    const p = await this.storage.proposals.get(id);
    if (!p || p.negotiationId !== negotiationId)
      throw new AppError('PROPOSAL_NOT_FOUND', 'No such proposal in this negotiation.');
    return p;
  }

  private async paragraphText(negotiationId: string, pidValue: string): Promise<string> {
    return this.rooms.withRoom(draftDocName(negotiationId), (room) => {
      const para = findParagraph(room.doc, pidValue);
      if (!para) throw new AppError('PARAGRAPH_NOT_FOUND', 'No such paragraph in the text.');
      return paragraphPlainText(para.element);
    });
  }

  private async requireNotAgreed(negotiationId: string, pidValue: string): Promise<void> {
    const statuses = await this.storage.proposals.paragraphStatuses(negotiationId);
    if (statuses.some((s) => s.pid === pidValue && s.status === 'agreed-ad-ref'))
      throw new AppError(
        'PARAGRAPH_AGREED',
        'This paragraph is agreed ad referendum: its text cannot change until a co-facilitator reopens it.',
        { pids: [pidValue] },
      );
  }

  private async requireOpenParagraph(negotiationId: string, pidValue: string): Promise<void> {
    await this.paragraphText(negotiationId, pidValue);
    const status =
      (await this.storage.proposals.paragraphStatuses(negotiationId)).find((s) => s.pid === pidValue)
        ?.status ?? 'pending';
    if (!paragraphOpen(status))
      throw new AppError(
        'PARAGRAPH_CLOSED',
        'This paragraph is agreed or deleted and takes no new proposals.',
      );
  }

  private async contentFor(
    negotiationId: string,
    kind: ProposalKind,
    body: { pid: string; text?: string; baseText?: string; reservation?: boolean },
  ): Promise<ProposalContent> {
    if (kind !== 'amend')
      return {
        changes: [],
        baseText: '',
        text: normalizeText(body.text ?? '', { multiline: true }),
        reservation: body.reservation ?? false,
      };
    return this.rooms.withRoom(draftDocName(negotiationId), (room) => {
      const para = findParagraph(room.doc, body.pid)!;
      const current = paragraphPlainText(para.element);
      if (body.baseText !== current)
        throw new AppError(
          'BASE_CHANGED',
          'The paragraph changed while you were editing. Review the new text and submit again.',
        );
      if (body.text !== current && invisibleChange(current, body.text ?? ''))
        throw new AppError(
          'INVISIBLE_TEXT',
          'text: nothing visible would change: the amendment only adds or removes invisible characters (such as a zero-width space) or writes the same characters differently.',
        );
      const changes = wordChanges(current, body.text ?? '');
      if (changes.length === 0)
        throw new AppError('NO_CHANGE', 'The proposed text is the same as the paragraph.');
      return {
        changes: anchorChanges(paragraphTextType(para.element), changes),
        baseText: current,
        text: body.text ?? '',
        reservation: false,
      };
    });
  }
}

/**
 * True when two contents of proposals of `kind` say the same: an amendment the same word changes
 * (whatever the paragraph around them), a text the same words (and a comment the same kind of
 * remark), a deletion or retention of the paragraph always.
 */
export function sameContent(kind: ProposalKind, a: ProposalContent, b: ProposalContent): boolean {
  if (kind === 'delete' || kind === 'retain') return true;
  if (kind === 'amend')
    return (
      a.changes.length === b.changes.length &&
      a.changes.every((c, i) => c.deleted === b.changes[i]!.deleted && c.inserted === b.changes[i]!.inserted)
    );
  return a.text.trim() === b.text.trim() && a.reservation === b.reservation;
}

/**
 * Applies an amendment, alternative or new paragraph to the text of `doc` (a new paragraph after
 * the paragraphs already added after its own, numbered against `basis`). Refuses, changing
 * nothing, when its paragraph is gone (PARAGRAPH_NOT_FOUND) or the words it targets changed
 * (PROPOSAL_OUTDATED).
 */
export function applyProposal(doc: Y.Doc, p: ProposalRecord, basis: NumberingBasis = new Map()): void {
  const para = findParagraph(doc, p.pid);
  if (!para)
    throw new AppError('PARAGRAPH_NOT_FOUND', 'The paragraph of this proposal is no longer in the text.', {
      proposalIds: [p.id],
    });
  const ranges = p.kind === 'amend' ? resolveChanges(doc, p.pid, p.content.changes) : [];
  if (!ranges)
    throw new AppError(
      'PROPOSAL_OUTDATED',
      'The words this amendment targets have changed; it cannot be applied as it stands.',
      { proposalIds: [p.id] },
    );
  // A new paragraph goes after those already added after this one, so their numbers stay.
  const after =
    p.kind === 'insert'
      ? (findParagraph(doc, insertionPoint(numberWithBasis(draftParagraphs(doc), basis), p.pid) ?? p.pid) ??
        para)
      : para;
  applyToParagraph(after.element, p, ranges);
}

function applyToParagraph(
  element: import('yjs').XmlElement,
  p: ProposalRecord,
  ranges: { from: number; to: number }[],
): void {
  const text = paragraphTextType(element);
  if (p.kind === 'amend') {
    for (let i = ranges.length - 1; i >= 0; i--) {
      const r = ranges[i]!;
      if (r.to > r.from) text.delete(r.from, r.to - r.from);
      if (p.content.changes[i]!.inserted) text.insert(r.from, p.content.changes[i]!.inserted);
    }
  } else if (p.kind === 'alt') {
    text.delete(0, text.length);
    text.insert(0, p.content.text);
  } else if (p.kind === 'insert') {
    const parent = element.parent as import('yjs').XmlFragment;
    const index = parent.toArray().indexOf(element);
    const fresh = new (element.constructor as typeof import('yjs').XmlElement)(element.nodeName);
    fresh.setAttribute('pid', newId());
    parent.insert(index + 1, [fresh]);
    paragraphTextType(fresh).insert(0, p.content.text);
  }
}
