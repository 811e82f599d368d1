/**
 * What an update of the proposals document announces: for every proposal view it writes, the
 * proposal (`t:<id>`) and each supporting delegation (`s:<id>:<code>`). Every client receives
 * the same update, identified by its first struct's client id and clock, so each update is
 * decoded once and the answer cached.
 */
import * as Y from 'yjs';
import { decodeLiveView } from '../../shared/liveView.js';

/** Event key of a proposal's appearance. */
export function tabledKey(id: string): string {
  return `t:${id}`;
}

/** Event key of a delegation's support of a proposal. */
export function supportKey(id: string, delegation: string): string {
  return `s:${id}:${delegation}`;
}

/** Decodes proposals-document updates into event keys, with a bounded cache. */
export class ProposalEventDecoder {
  private readonly cache = new Map<string, string[]>();

  keysOf(frame: Uint8Array, start: number, length: number, client: number, clock: number): string[] {
    const cacheKey = `${client}:${clock}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const keys: string[] = [];
    const { structs } = Y.decodeUpdate(frame.subarray(start, start + length));
    for (const struct of structs) {
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentAny)) continue;
      // A map entry's key is not encoded when it replaces an earlier value; the view carries its id.
      for (const value of struct.content.arr) {
        const view = decodeLiveView(value);
        if (!view) continue;
        keys.push(tabledKey(view.id));
        for (const s of Array.isArray(view.supporters) ? view.supporters : []) {
          if (typeof s?.code === 'string') keys.push(supportKey(view.id, s.code));
        }
      }
    }
    this.cache.set(cacheKey, keys);
    if (this.cache.size > 2_000) this.cache.delete(this.cache.keys().next().value!);
    return keys;
  }
}
