/** Creating negotiations and describing them to participants. */
import { prosemirrorJSONToYDoc } from 'y-prosemirror';
import * as Y from 'yjs';
import { AppError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { draftDocName } from '../shared/protocol.js';
import { DRAFT_FRAGMENT, schema } from '../shared/schema.js';
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
