/** Creating negotiations and describing them to participants. */
import { prosemirrorJSONToYDoc } from 'y-prosemirror';
import * as Y from 'yjs';
import { delegationByCode } from '../shared/delegations.js';
import { AppError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { draftDocName } from '../shared/protocol.js';
import { DRAFT_FRAGMENT, schema } from '../shared/schema.js';
import type { Principal } from './accounts/accounts.js';
import type { AuditLog } from './accounts/audit.js';
import { authorize } from './policies/policies.js';
import type { ParticipantRecord } from './storage/records.js';
import type { NegotiationRecord, Storage } from './storage/storage.js';

/** Stage of a negotiation as shown on the home page (readings extend this list). */
export type NegotiationStage = 'drafting';

/** The Yjs state of a draft document holding `json` (ProseMirror JSON, validated against the schema). */
export function draftStateFromJson(json: unknown): Uint8Array {
  schema.nodeFromJSON(json).check();
  const ydoc = prosemirrorJSONToYDoc(schema, json, DRAFT_FRAGMENT);
  const state = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  return state;
}

/** True for an IANA time zone name the runtime knows. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Creates a negotiation whose draft holds `draft`, or just its title when none is given. */
export async function createNegotiation(
  storage: Storage,
  args: { id?: string; title: string; timeZone: string; facilitatorDelegations: string[]; draft?: unknown },
): Promise<NegotiationRecord> {
  if (!isTimeZone(args.timeZone)) throw new AppError('INVALID_BODY', `Unknown time zone ${args.timeZone}.`);
  const record: NegotiationRecord = {
    id: args.id ?? newId(10),
    title: args.title,
    createdAt: new Date().toISOString(),
    timeZone: args.timeZone,
    facilitatorDelegations: args.facilitatorDelegations,
  };
  const draft = args.draft ?? {
    type: 'doc',
    content: [{ type: 'title', content: [{ type: 'text', text: args.title }] }],
  };
  await storage.createNegotiation(record, {
    docName: draftDocName(record.id),
    state: draftStateFromJson(draft),
  });
  return record;
}

/** Which document of which negotiation a document name denotes, or null for unknown names. */
export function parseDocName(docName: string): { negotiationId: string; kind: 'draft' | 'proposals' } | null {
  const m = /^(draft|proposals)\.([a-z0-9-]{1,64})$/.exec(docName);
  return m ? { negotiationId: m[2]!, kind: m[1] as 'draft' | 'proposals' } : null;
}

/** Current stage of a negotiation. */
export function stageOf(_negotiation: NegotiationRecord): NegotiationStage {
  return 'drafting';
}

/** A negotiation as a person's list shows it, with their part in it (null for an administrator who takes none). */
export interface ListedNegotiation {
  negotiation: NegotiationRecord;
  participant: ParticipantRecord | null;
}

/** The negotiations service: the list a person sees, one negotiation, creation by an administrator. */
export class Negotiations {
  constructor(
    private readonly storage: Storage,
    private readonly audit: AuditLog,
  ) {}

  /** The negotiations a person takes part in, oldest first; every one for a server administrator. */
  async visibleTo(principal: Principal): Promise<ListedNegotiation[]> {
    const [all, parts] = await Promise.all([
      this.storage.listNegotiations(),
      this.storage.accounts.participationsOf(principal.person.id),
    ]);
    const mine = new Map(parts.map((p) => [p.negotiationId, p]));
    return all
      .filter((n) => principal.person.isAdmin || mine.has(n.id))
      .map((negotiation) => ({ negotiation, participant: mine.get(negotiation.id) ?? null }));
  }

  /** One negotiation; NOT_FOUND when there is none. */
  async get(id: string): Promise<NegotiationRecord> {
    const n = await this.storage.getNegotiation(id);
    if (!n) throw new AppError('NOT_FOUND', 'No such negotiation.');
    return n;
  }

  /** A server administrator creates a negotiation, stored with its audit entry as one unit of work. */
  create(
    principal: Principal,
    args: { title: string; timeZone: string; facilitatorDelegations: string[] },
  ): Promise<NegotiationRecord> {
    authorize({ principal, participant: null }, 'negotiation.create');
    for (const code of args.facilitatorDelegations) {
      if (!delegationByCode(code))
        throw new AppError('UNKNOWN_DELEGATION', `Unknown delegation code ${code}.`);
    }
    return this.storage.transaction(async () => {
      const n = await createNegotiation(this.storage, args);
      await this.audit.write('negotiation.created', n.id, principal, { title: n.title });
      return n;
    });
  }
}
