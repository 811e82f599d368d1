/**
 * Replacing the draft with an imported one (a recognised Word file or pasted text), refused once a
 * revision has been circulated or while a paragraph is agreed ad referendum. The new text and the
 * audit entry are one change of the draft with its records (`Room.serverChange`).
 */
import { prosemirrorJSONToYXmlFragment } from 'y-prosemirror';
import { draftParagraphs } from '../../shared/anchors.js';
import { AppError } from '../../shared/errors.js';
import { importedTextProblem } from '../../shared/importText.js';
import { draftDocName } from '../../shared/protocol.js';
import { DRAFT_FRAGMENT, schema } from '../../shared/schema.js';
import type { Membership } from '../accounts/accounts.js';
import type { AuditLog } from '../accounts/audit.js';
import type { Rooms } from '../collab/rooms.js';
import { authorize } from '../policies/policies.js';
import type { Storage } from '../storage/storage.js';

/** A whole draft as ProseMirror JSON, its blocks not yet checked against the schema. */
export interface ImportedDoc {
  type: 'doc';
  content: unknown[];
}

/** The draft import command. */
export class DraftImport {
  constructor(
    private readonly storage: Storage,
    private readonly rooms: Rooms,
    private readonly audit: AuditLog,
  ) {}

  /** Co-facilitators: replaces the draft of the member's negotiation with `doc`. */
  replace(m: Membership, doc: ImportedDoc): Promise<void> {
    authorize(m, 'draft.import');
    const negotiationId = m.participant.negotiationId;
    return this.storage.serialize(negotiationId, async () => {
      if ((await this.storage.readings.listSnapshots(negotiationId)).length > 0) {
        throw new AppError(
          'DRAFT_CIRCULATED',
          'The draft has already been circulated; start the next revision by editing it.',
        );
      }
      const problem = importedTextProblem(doc);
      if (problem) throw new AppError('INVALID_TEXT', problem);
      try {
        schema.nodeFromJSON(doc).check();
      } catch (err) {
        throw new AppError('INVALID_BODY', `The document does not fit the schema: ${(err as Error).message}`);
      }
      const agreed = new Set(
        (await this.storage.proposals.paragraphStatuses(negotiationId))
          .filter((s) => s.status === 'agreed-ad-ref')
          .map((s) => s.pid),
      );
      await this.rooms.withRoom(draftDocName(negotiationId), (room) => {
        // Replacing the draft would remove agreed paragraphs: they must be reopened first.
        const locked = draftParagraphs(room.doc).filter((p) => agreed.has(p.pid));
        if (locked.length > 0)
          throw new AppError(
            'PARAGRAPH_AGREED',
            'Some paragraphs of the draft are agreed ad referendum: reopen them before replacing the draft.',
            { pids: locked.map((p) => p.pid) },
          );
        return room.serverChange(
          (ydoc) => prosemirrorJSONToYXmlFragment(schema, doc, ydoc.getXmlFragment(DRAFT_FRAGMENT)),
          () => this.audit.write('draft.imported', negotiationId, m, { blocks: doc.content.length }),
        );
      });
    });
  }
}
