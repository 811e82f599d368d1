/**
 * Akoma Ntoso 3.0 export of a snapshot (a revision, a closed reading or the live text), after
 * the UN's profile (AKN4UN): a `statement` named after the kind of text (a declaration or a
 * resolution) with its metadata (`aknMeta.ts`, `aknRefs.ts`), the text (`aknText.ts`) and the
 * proposals the compilation shows, as amendment documents in its attachments
 * (`aknAmendments.ts`). Valid against the OASIS schema (test/fixtures/akn/). PROTOCOL.md lists
 * which element holds which of our concepts.
 */
import type { ResolvedProposal } from '../../shared/compilation.js';
import type { ProposalView } from '../../shared/proposals.js';
import { type CanonicalSnapshot, type SnapshotBlock, snapshotInserts } from '../../shared/snapshot.js';
import { localDateAt } from '../../shared/time.js';
import { amendments } from './aknAmendments.js';
import { type AknVersion, history, identification, versionIds } from './aknMeta.js';
import { AknReferences, EIds } from './aknRefs.js';
import { AKN_INLINE, aknText } from './aknText.js';
import { el, serializeXml } from './xml.js';

export type { AknVersion } from './aknMeta.js';

/** The Akoma Ntoso 3.0 namespace. */
export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/** The media type of Akoma Ntoso documents. */
export const AKN_TYPE = 'application/akn+xml';

/** What an AKN export needs besides the snapshot. */
export interface AknExportOptions {
  negotiationId: string;
  /** The negotiation's title (the text's own title comes first). */
  title: string;
  /** The negotiation's zone: dates in URIs and the preface are local to it. */
  timeZone: string;
  /** When the negotiation was created: the date of the work (unless a record is older). */
  createdAt: string;
  /** The co-facilitating delegations. */
  facilitatorDelegations: readonly { code: string; name: string }[];
  /**
   * The revisions circulated and readings closed, in order, up to and including the exported
   * one (every one, for the live text).
   */
  history: readonly AknVersion[];
  /** The exported snapshot's id (`live` for the live text). */
  snapshotId: string;
  /** Which proposals to include (`shownInCompilation`, as the compilation shows them). */
  shown: (p: ProposalView) => boolean;
  /** ISO instant of the export. */
  exportedAt: string;
}

/** "resolution" when the title says so, else "declaration": the statement's `name`. */
export function statementName(title: string): 'resolution' | 'declaration' {
  return /\bresolution\b/i.test(title) ? 'resolution' : 'declaration';
}

/** The snapshot as an Akoma Ntoso document (UTF-8 XML text). */
export function snapshotToAkn(s: CanonicalSnapshot, o: AknExportOptions): string {
  const name = statementName(o.title);
  // The work dates from the negotiation's creation (or its first record, if that is earlier, as
  // in the demo's history).
  const born = [o.createdAt, ...o.history.map((v) => v.takenAt)].sort()[0]!;
  const workDate = localDateAt(born, o.timeZone);
  const work = `/akn/un/statement/${name}/${workDate}/${o.negotiationId}`;
  const stored = o.history.findIndex((v) => v.id === o.snapshotId);
  const instants = [...o.history.map((v) => v.takenAt), ...(stored < 0 ? [s.takenAt] : [])];
  const expressions = versionIds(instants, o.timeZone).map((v) => `${work}/eng@${v}`);
  const expression = expressions[stored < 0 ? expressions.length - 1 : stored]!;

  const refs = new AknReferences(new EIds(), o.facilitatorDelegations);
  const shown: ResolvedProposal[] = s.proposals.filter((r) => o.shown(r.proposal));
  const alternatives = new Map<string, ProposalView[]>();
  for (const { proposal } of shown)
    if (proposal.kind === 'alt')
      alternatives.set(proposal.pid, [...(alternatives.get(proposal.pid) ?? []), proposal]);
  const date = localDateAt(s.takenAt, o.timeZone);
  const text = aknText(s, { refs, alternatives, title: o.title, version: { label: s.label, date } });
  const blocks = new Map<string, SnapshotBlock>();
  for (const b of s.blocks) if (b.pid !== undefined) blocks.set(b.pid, b);
  const attachments = amendments(shown, {
    refs,
    blocks,
    paragraphIds: text.paragraphIds,
    alternativeIds: text.alternativeIds,
    insertLabels: snapshotInserts(s).labels,
    timeZone: o.timeZone,
    exportedAt: o.exportedAt,
  });
  const past = history(
    o.history.map((v, i) => ({ ...v, expression: expressions[i]! })),
    refs,
  );
  const identity = identification({
    work,
    expression,
    workDate: { date: workDate, name: 'negotiation' },
    expressionDate: { date, name: s.kind === 'live' ? 'live' : s.kind },
    author: { href: '#cofacilitators', as: refs.role('cofacilitator', 'Co-facilitator') },
    name,
    version: s.label,
    exportedAt: o.exportedAt,
  });
  const meta = el('meta', {}, identity, past?.lifecycle, past?.workflow, refs.element());
  const statement = el('statement', { name }, meta, text.preface, text.preamble, text.mainBody, attachments);
  return serializeXml(el('akomaNtoso', { xmlns: AKN_NAMESPACE }, statement), AKN_INLINE);
}
