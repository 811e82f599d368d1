/**
 * Which paragraphs of the draft an update would change, read from the update's structs against
 * the document as it stands, without applying it: its new items (inserted words, formatting,
 * attributes, nested content) sit where their left or right neighbour or their parent sits, and
 * its delete set names the items it removes (words, or whole paragraphs: a move is a removal
 * and an insertion). Used to refuse changes to agreed paragraphs before they are queued.
 *
 * An item whose neighbours and parent are not in the document yet (it follows another update
 * still on its way) is not attributed here: it takes the place of those items, which are checked
 * when they arrive, and until then it is not part of the text.
 */
import * as Y from 'yjs';
import { DRAFT_FRAGMENT, isParagraphType } from '../../shared/schema.js';

/** The item of the document holding `id`, or null when the document does not have it (yet). */
function itemAt(store: Y.Doc['store'], id: Y.ID): Y.Item | null {
  if (id.clock >= Y.getState(store, id.client)) return null;
  const struct = Y.getItem(store, id);
  return struct instanceof Y.Item ? struct : null;
}

/**
 * The id of the paragraph whose content `type` is (or is nested in), or null when `type` is the
 * draft fragment itself, a heading, or outside the draft.
 */
function paragraphOfType(type: Y.AbstractType<unknown>, root: Y.XmlFragment): string | null {
  let t: Y.AbstractType<unknown> = type;
  while (t._item && t._item.parent !== root) t = t._item.parent as Y.AbstractType<unknown>;
  if (t === root || !t._item || !(t instanceof Y.XmlElement) || !isParagraphType(t.nodeName)) return null;
  return String(t.getAttribute('pid') ?? '');
}

/** The paragraph an item of the document belongs to (its words, marks or attributes). */
function paragraphOfItem(item: Y.Item, root: Y.XmlFragment): string | null {
  return item.parent instanceof Y.AbstractType ? paragraphOfType(item.parent, root) : null;
}

/** The paragraph an item is itself (a whole paragraph element at the top of the draft), or null. */
function paragraphElement(item: Y.Item, root: Y.XmlFragment): string | null {
  if (item.parent !== root || !(item.content instanceof Y.ContentType)) return null;
  const type = item.content.type;
  return type instanceof Y.XmlElement && isParagraphType(type.nodeName)
    ? String(type.getAttribute('pid') ?? '')
    : null;
}

/** Where a new item of an update would go: the paragraph of its neighbours or parent. */
function paragraphOfNewItem(item: Y.Item, doc: Y.Doc, root: Y.XmlFragment): string | null {
  for (const ref of [item.origin, item.rightOrigin]) {
    const known = ref && itemAt(doc.store, ref);
    if (known) return paragraphOfItem(known, root);
  }
  // Without neighbours the item opens its parent: an ID names the item holding the parent type.
  if (item.parent instanceof Y.ID) {
    const holder = itemAt(doc.store, item.parent);
    if (holder?.content instanceof Y.ContentType) return paragraphOfType(holder.content.type, root);
  }
  return null;
}

/**
 * The ids among `watched` of the paragraphs that `update` would change (insert, delete or format
 * words, change attributes or nested content) or remove, judged against `doc` before the update.
 * Linear in the size of the update, plus a walk up the (shallow) tree per item.
 */
export function touchedParagraphs(doc: Y.Doc, update: Uint8Array, watched: ReadonlySet<string>): string[] {
  const touched = new Set<string>();
  if (watched.size === 0) return [];
  const root = doc.getXmlFragment(DRAFT_FRAGMENT);
  const note = (pid: string | null) => {
    if (pid !== null && watched.has(pid)) touched.add(pid);
  };
  const { structs, ds } = Y.decodeUpdate(update);
  for (const struct of structs) if (struct instanceof Y.Item) note(paragraphOfNewItem(struct, doc, root));
  for (const [client, ranges] of ds.clients) {
    const structsOfClient = doc.store.clients.get(client);
    if (!structsOfClient) continue;
    const known = Y.getState(doc.store, client);
    for (const { clock, len } of ranges) {
      if (clock >= known) continue;
      for (let i = Y.findIndexSS(structsOfClient, clock); i < structsOfClient.length; i++) {
        const struct = structsOfClient[i]!;
        if (struct.id.clock >= clock + len) break;
        if (!(struct instanceof Y.Item) || struct.deleted) continue;
        note(paragraphElement(struct, root) ?? paragraphOfItem(struct, root));
      }
    }
  }
  return [...touched];
}
