/** The demo negotiation created on first start, so a fresh install has something real to show. */
import { prosemirrorJSONToYDoc } from 'y-prosemirror';
import * as Y from 'yjs';
import { draftDocName } from '../../shared/protocol.js';
import { DRAFT_FRAGMENT, schema } from '../../shared/schema.js';
import type { Storage } from '../storage/storage.js';
import { DEMO_TITLE, zeroDraftJson } from './zeroDraft.js';

/** Id of the demo negotiation. */
export const DEMO_NEGOTIATION_ID = 'imrf-2022';

/** The Yjs state of a draft document holding `json` (ProseMirror JSON). */
export function draftStateFromJson(json: unknown): Uint8Array {
  const ydoc = prosemirrorJSONToYDoc(schema, json, DRAFT_FRAGMENT);
  const state = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  return state;
}

/** Creates the demo negotiation unless it exists. Returns true when it was created. */
export async function ensureDemoNegotiation(storage: Storage): Promise<boolean> {
  if (await storage.getNegotiation(DEMO_NEGOTIATION_ID)) return false;
  await storage.createNegotiation(
    { id: DEMO_NEGOTIATION_ID, title: DEMO_TITLE, createdAt: new Date().toISOString() },
    { docName: draftDocName(DEMO_NEGOTIATION_ID), state: draftStateFromJson(zeroDraftJson()) },
  );
  return true;
}
