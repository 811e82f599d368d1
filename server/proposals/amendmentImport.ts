/**
 * A delegation's amendments imported from Word: the preview (the file's tracked changes and
 * comments read in the import worker, matched to the live draft by `shared/amendmentImport.ts`,
 * those the delegation already tabled marked) and the tabling of the reviewed batch in one unit
 * of work (`ProposalCommands.tableBatch`). Attribution is the session's, as for every proposal.
 */
import type { z } from 'zod';
import {
  type DraftParagraphInfo,
  type ImportPreview,
  importItemBody,
  matchRevisions,
} from '../../shared/amendmentImport.js';
import { draftParagraphs, paragraphPlainText } from '../../shared/anchors.js';
import { numberWithBasis } from '../../shared/numbering.js';
import { paragraphOpen } from '../../shared/proposals.js';
import { draftDocName } from '../../shared/protocol.js';
import type { Membership } from '../accounts/accounts.js';
import type { Rooms } from '../collab/rooms.js';
import type { DocxImporter } from '../import/docxImport.js';
import { authorize } from '../policies/policies.js';
import { numberingBasis } from '../readings/numberingBasis.js';
import type { Readings } from '../readings/readings.js';
import type { ProposalRecord } from '../storage/records.js';
import type { Storage } from '../storage/storage.js';
import { MAX_PROPOSAL_TEXT, type ProposalCommands, type TableItem } from './commands.js';

/** Most proposals tabled in one batch. */
export const MAX_IMPORT_ITEMS = 200;

/** Previews and tables amendments imported from Word. */
export class AmendmentImport {
  constructor(
    private readonly storage: Storage,
    private readonly rooms: Rooms,
    private readonly readings: Readings,
    private readonly commands: ProposalCommands,
    private readonly importer: DocxImporter,
  ) {}

  /**
   * What `file` would table for the caller's delegation (or the group `delegation` names): the
   * proposals matched, those already tabled marked, and what cannot be matched with its reason.
   * Stores nothing. Refused before the file is read when no reading takes proposals.
   */
  async preview(m: Membership, file: Buffer): Promise<ImportPreview> {
    const negotiationId = m.participant.negotiationId;
    authorize(m, 'amendments.import');
    await this.readings.readingForProposals(negotiationId);
    const word = await this.importer.readRevisions(file);
    const preview = matchRevisions(word, await this.draft(negotiationId), { maxText: MAX_PROPOSAL_TEXT });
    const tabled = await this.commands.alreadyTabled(m, preview.items.map(importItemBody));
    preview.items.forEach((item, i) => {
      if (tabled[i]) item.alreadyTabled = tabled[i];
    });
    return preview;
  }

  /** Tables the reviewed batch in one unit of work, all or none. */
  table(
    m: Membership,
    items: readonly z.infer<typeof TableItem>[],
    delegation?: string,
  ): Promise<ProposalRecord[]> {
    return this.commands.tableBatch(m, items, delegation);
  }

  /** The live draft's paragraphs: number in the reading, text, open to proposals. */
  private async draft(negotiationId: string): Promise<DraftParagraphInfo[]> {
    const basis = await numberingBasis(this.storage, negotiationId);
    const statuses = new Map(
      (await this.storage.proposals.paragraphStatuses(negotiationId)).map((s) => [s.pid, s.status]),
    );
    return this.rooms.withRoom(draftDocName(negotiationId), (room) => {
      const paragraphs = draftParagraphs(room.doc);
      const numbered = numberWithBasis(paragraphs, basis);
      return paragraphs.map((p, i) => ({
        pid: p.pid,
        kind: p.kind,
        label: numbered[i]!.label,
        text: paragraphPlainText(p.element),
        open: paragraphOpen(statuses.get(p.pid) ?? 'pending'),
      }));
    });
  }
}
