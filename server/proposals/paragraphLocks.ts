/**
 * Which paragraphs are locked (agreed ad ref.) in each negotiation, and their numbers, known in
 * memory so the draft room's write guard can answer without waiting. Loaded from storage when a
 * draft is loaded, then kept in step with the proposals document, where every paragraph status
 * and the numbering basis are published (a status change always goes through it).
 */
import type * as Y from 'yjs';
import { draftParagraphs } from '../../shared/anchors.js';
import { AppError } from '../../shared/errors.js';
import { type NumberingBasis, numberParagraphs } from '../../shared/numbering.js';
import { NUMBERING_MAP, PARAGRAPH_STATUS_MAP, type ParagraphStatusView } from '../../shared/proposals.js';
import { numberingBasis } from '../readings/numberingBasis.js';
import type { Storage } from '../storage/storage.js';

interface Known {
  agreed: Set<string>;
  numbering: NumberingBasis;
}

/** The agreed paragraphs and numbering basis of every negotiation the server has loaded. */
export class ParagraphLocks {
  private readonly known = new Map<string, Known>();
  /** Negotiations whose proposals document is followed: it is newer than any read of storage. */
  private readonly followed = new Set<string>();

  constructor(private readonly storage: Storage) {}

  /** Reads a negotiation's statuses and basis from storage (when its draft is loaded). */
  async load(negotiationId: string): Promise<void> {
    if (this.followed.has(negotiationId)) return;
    const [statuses, numbering] = await Promise.all([
      this.storage.proposals.paragraphStatuses(negotiationId),
      numberingBasis(this.storage, negotiationId),
    ]);
    // The proposals document may have been loaded meanwhile, with statuses newer than this read.
    if (this.followed.has(negotiationId)) return;
    this.known.set(negotiationId, {
      agreed: new Set(statuses.filter((s) => s.status === 'agreed-ad-ref').map((s) => s.pid)),
      numbering,
    });
  }

  /** Follows a loaded proposals document: statuses and the basis as they are published. */
  follow(negotiationId: string, doc: Y.Doc): void {
    const paragraphs = doc.getMap<ParagraphStatusView>(PARAGRAPH_STATUS_MAP);
    const numbering = doc.getMap<string>(NUMBERING_MAP);
    const read = () => {
      const agreed = new Set<string>();
      for (const [pid, view] of paragraphs.entries()) if (view.status === 'agreed-ad-ref') agreed.add(pid);
      this.known.set(negotiationId, { agreed, numbering: new Map(numbering.entries()) });
    };
    paragraphs.observe(read);
    numbering.observe(read);
    // Once the document is gone (unloaded), statuses are read from storage again when needed.
    doc.on('destroy', () => this.followed.delete(negotiationId));
    this.followed.add(negotiationId);
    read();
  }

  /** Ids of the agreed ad ref. paragraphs of a negotiation (empty when none, or not loaded). */
  agreed(negotiationId: string): ReadonlySet<string> {
    return this.known.get(negotiationId)?.agreed ?? new Set();
  }

  /** The refusal of a change to agreed paragraphs `pids` of `draft`, naming them by number. */
  refusal(negotiationId: string, draft: Y.Doc, pids: readonly string[]): AppError {
    const labels = numberParagraphs(draftParagraphs(draft), this.known.get(negotiationId)?.numbering);
    const names = pids.map((pid) => labels.get(pid) ?? pid).join(', ');
    return new AppError(
      'PARAGRAPH_AGREED',
      `${names} ${pids.length === 1 ? 'is' : 'are'} agreed ad referendum: the text cannot change until a co-facilitator reopens ${pids.length === 1 ? 'it' : 'them'}.`,
      { pids: [...pids] },
    );
  }
}
