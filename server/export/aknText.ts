/**
 * The text of an Akoma Ntoso export: the title in the `preface`; the preambular paragraphs as
 * `recital`s of the `preamble` (section headings there as the heading of the recitals they
 * open); the operative paragraphs as `paragraph`s of the `mainBody`, each with its `num` and
 * `content/p`, under an `hcontainer name="section"` for each section heading. Italics and bold
 * are `i` and `b`. A paragraph's status is a concept it refers to (a deleted one is also
 * `status="removed"`), its id its `GUID`; the alternatives proposed for it follow it with
 * `alternativeTo`. The preamble ends where the first operative paragraph (or the headings just
 * before it) begins; a preambular paragraph after that stays in place, `class="preambular"`.
 */
import type { ParagraphStatus, ProposalView } from '../../shared/proposals.js';
import type { CanonicalSnapshot, SnapshotBlock, SnapshotRun } from '../../shared/snapshot.js';
import { type AknReferences, eIdOfLabel } from './aknRefs.js';
import { STATUS_NAMES } from './attribution.js';
import { el, type XmlElement, type XmlNode } from './xml.js';

/** Names of the elements that hold running text, written on one line (`serializeXml`). */
export const AKN_INLINE = new Set([
  'p',
  'num',
  'heading',
  'docTitle',
  'docStage',
  'docDate',
  'docProponent',
  'docStatus',
  'docType',
  'i',
  'b',
  'ins',
  'del',
  'ref',
]);

/** How paragraph statuses other than pending are named as concepts. */
const PARAGRAPH_CONCEPTS: Record<Exclude<ParagraphStatus, 'pending'>, [string, string]> = {
  bracketed: ['paragraphBracketed', 'Bracketed'],
  'agreed-ad-ref': ['paragraphAgreedAdRef', 'Agreed ad ref.'],
  deleted: ['paragraphDeleted', 'Deleted'],
};

/** What the text needs besides the snapshot. */
export interface AknTextContext {
  refs: AknReferences;
  /** The alternatives to show after each paragraph, by paragraph id. */
  alternatives: ReadonlyMap<string, readonly ProposalView[]>;
  /** The negotiation's title, when the snapshot has none. */
  title: string;
  /** The version's name and date (local) for the preface. */
  version: { label: string; date: string };
}

/** The parts of the text, and the eIds given to paragraphs (by pid) and alternatives (by proposal id). */
export interface AknText {
  preface: XmlElement;
  preamble: XmlElement | null;
  mainBody: XmlElement;
  paragraphIds: Map<string, string>;
  alternativeIds: Map<string, string>;
}

/** The runs of a text as inline content: italics as `i`, bold as `b`. */
export function inlineRuns(runs: readonly SnapshotRun[]): XmlNode[] {
  return runs
    .filter((r) => r.text !== '')
    .map((r) => {
      let node: XmlNode = r.text;
      if (r.em) node = el('i', {}, node);
      if (r.strong) node = el('b', {}, node);
      return node;
    });
}

/** Plain text as paragraphs (`p`), one per line. */
export function textParagraphs(text: string): XmlElement[] {
  return text.split(/\r?\n/).map((line) => el('p', {}, line));
}

/** The preface, preamble and main body of a snapshot. */
export function aknText(s: CanonicalSnapshot, ctx: AknTextContext): AknText {
  const { refs } = ctx;
  const eIds = refs.eIds;
  const paragraphIds = new Map<string, string>();
  const alternativeIds = new Map<string, string>();
  const titleBlock = s.blocks.find((b) => b.type === 'title');
  const body = s.blocks.filter((b) => b.type !== 'title');
  const firstOperative = body.findIndex((b) => b.type === 'operative');
  let split = firstOperative < 0 ? body.length : firstOperative;
  while (split > 0 && body[split - 1]!.type === 'section') split--;

  const statusOf = (b: SnapshotBlock): ParagraphStatus => s.paragraphStatuses[b.pid ?? ''] ?? 'pending';
  const numbered = (b: SnapshotBlock, element: 'recital' | 'paragraph', stray = false): XmlElement[] => {
    const label = b.label ?? '';
    const eId = eIds.take(eIdOfLabel(label));
    if (b.pid) paragraphIds.set(b.pid, eId);
    const status = statusOf(b);
    const concept = status === 'pending' ? undefined : refs.concept(...PARAGRAPH_CONCEPTS[status]);
    const text = el('p', {}, ...inlineRuns(b.runs));
    const own = el(
      element,
      {
        eId,
        GUID: b.pid,
        class: stray ? 'preambular' : undefined,
        status: status === 'deleted' ? 'removed' : undefined,
        refersTo: concept,
      },
      el('num', {}, label),
      element === 'paragraph' ? el('content', {}, text) : text,
    );
    const alternatives = (ctx.alternatives.get(b.pid ?? '') ?? []).map((p) => {
      const altId = eIds.take(`${eId}_alt`);
      alternativeIds.set(p.id, altId);
      const blocks = textParagraphs(p.text);
      return el(
        element,
        {
          eId: altId,
          alternativeTo: `#${eId}`,
          refersTo: refs.concept(`status_${p.status}`, STATUS_NAMES[p.status]),
        },
        el('num', {}, `${label} alt`),
        element === 'paragraph' ? el('content', {}, blocks) : blocks,
      );
    });
    return [own, ...alternatives];
  };
  const heading = (b: SnapshotBlock) => el('heading', {}, ...inlineRuns(b.runs));

  // Preamble: runs of recitals, a heading opening the run after it.
  const preamble: XmlElement[] = [];
  let recitals: { heading: XmlElement | null; items: XmlElement[] } | null = null;
  const flush = () => {
    if (recitals && recitals.items.length > 0)
      preamble.push(el('recitals', { eId: eIds.take('recitals') }, recitals.heading, recitals.items));
    recitals = null;
  };
  body.slice(0, split).forEach((b, i, part) => {
    if (b.type === 'section') {
      flush();
      if (part[i + 1]?.type === 'preambular') recitals = { heading: heading(b), items: [] };
      else
        preamble.push(
          el('container', { name: 'section', eId: eIds.take('sec') }, el('p', {}, ...inlineRuns(b.runs))),
        );
      return;
    }
    recitals ??= { heading: null, items: [] };
    recitals.items.push(...numbered(b, 'recital'));
  });
  flush();

  // Main body: operative paragraphs, each section heading a container of those after it.
  const main: XmlElement[] = [];
  let section: { heading: XmlElement; items: XmlElement[] } | null = null;
  const close = () => {
    if (section)
      main.push(el('hcontainer', { name: 'section', eId: eIds.take('sec') }, section.heading, section.items));
    section = null;
  };
  for (const b of body.slice(split)) {
    if (b.type === 'section') {
      close();
      section = { heading: heading(b), items: [] };
      continue;
    }
    const items = numbered(b, 'paragraph', b.type === 'preambular');
    if (section) section.items.push(...items);
    else main.push(...items);
  }
  close();

  const titleRuns = titleBlock && titleBlock.text !== '' ? titleBlock.runs : [{ text: ctx.title }];
  return {
    preface: el(
      'preface',
      {},
      el('p', { class: 'title' }, el('docTitle', {}, ...inlineRuns(titleRuns))),
      el(
        'p',
        { class: 'version' },
        el('docStage', {}, ctx.version.label),
        ', ',
        el('docDate', { date: ctx.version.date }, ctx.version.date),
      ),
    ),
    preamble: preamble.length > 0 ? el('preamble', {}, preamble) : null,
    mainBody: el('mainBody', {}, main.length > 0 ? main : el('p', {})),
    paragraphIds,
    alternativeIds,
  };
}
