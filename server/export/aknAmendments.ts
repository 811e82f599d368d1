/**
 * The proposals of an Akoma Ntoso export, each an `amendment` document in an `attachment`: its
 * own FRBR identification (the proposal is a work, tabled by its delegation), a workflow of its
 * tabling and outcome, a preface naming the paragraph it concerns (`ref`), its kind
 * (`docType`), the tabling delegation, the member that tabled for a group and the supporters
 * (`docProponent` with their roles) and its status (`docStatus`), then an `amendmentBody`: the
 * paragraph with the words struck (`del`) and put in (`ins`), the paragraph struck whole, the
 * new or alternative paragraph put in, the paragraph retained as it stands, or the comment or
 * reservation as its justification.
 */
import type { ResolvedProposal } from '../../shared/compilation.js';
import type { ProposalKind, ProposalView } from '../../shared/proposals.js';
import { type SnapshotBlock, sliceRuns } from '../../shared/snapshot.js';
import { localDateAt } from '../../shared/time.js';
import { identification } from './aknMeta.js';
import { type AknReferences, COFACILITATORS, eIdOfLabel } from './aknRefs.js';
import { inlineRuns, textParagraphs } from './aknText.js';
import { KIND_NAMES, STATUS_NAMES } from './attribution.js';
import { el, type XmlElement, type XmlNode } from './xml.js';

/** The `name` of the amendment document for each kind of proposal. */
const AMENDMENT_NAMES: Record<ProposalKind, string> = {
  amend: 'amendment',
  delete: 'deletion',
  insert: 'newParagraph',
  alt: 'alternative',
  retain: 'retention',
  comment: 'comment',
};

/** What the amendments need of the rest of the export. */
export interface AknAmendmentContext {
  refs: AknReferences;
  /** The paragraphs of the text by id. */
  blocks: ReadonlyMap<string, SnapshotBlock>;
  /** The eIds of the text's paragraphs (by pid) and of the alternatives shown in it (by proposal id). */
  paragraphIds: ReadonlyMap<string, string>;
  alternativeIds: ReadonlyMap<string, string>;
  /** The numbers of the new paragraphs proposed ("OP3bis"), by proposal id. */
  insertLabels: ReadonlyMap<string, string>;
  /** Zone of the dates in URIs (the negotiation's). */
  timeZone: string;
  /** ISO instant of the export. */
  exportedAt: string;
}

/** The `attachments` holding one amendment document per proposal, or null when there is none. */
export function amendments(
  proposals: readonly ResolvedProposal[],
  ctx: AknAmendmentContext,
): XmlElement | null {
  if (proposals.length === 0) return null;
  return el(
    'attachments',
    {},
    proposals.map((r) => amendment(r, ctx)),
  );
}

function amendment(r: ResolvedProposal, ctx: AknAmendmentContext): XmlElement {
  const { refs } = ctx;
  const p = r.proposal;
  const attId = refs.eIds.take(`att_${p.id}`);
  const name = p.kind === 'comment' && p.reservation ? 'reservation' : AMENDMENT_NAMES[p.kind];
  const proponent = proponentOf(p, refs);
  const work = `/akn/un/amendment/${name}/${localDateAt(p.createdAt, ctx.timeZone)}/${p.id}`;
  const status = refs.concept(`status_${p.status}`, STATUS_NAMES[p.status]);
  const updatedAt = p.updatedAt || p.createdAt;
  const steps = [
    el('step', {
      date: p.createdAt,
      by: proponent.by,
      as: proponent.as,
      outcome: refs.concept('tabled', 'Tabled'),
    }),
    p.status !== 'open' &&
      el('step', {
        date: updatedAt,
        by: p.status === 'withdrawn' ? proponent.by : `#${COFACILITATORS}`,
        outcome: status,
      }),
  ];
  const meta = el(
    'meta',
    {},
    identification({
      work,
      expression: `${work}/eng@${localDateAt(updatedAt, ctx.timeZone)}`,
      workDate: { date: localDateAt(p.createdAt, ctx.timeZone), name: 'tabled' },
      expressionDate: { date: localDateAt(updatedAt, ctx.timeZone), name: 'version' },
      author: { href: proponent.by, as: proponent.as },
      name,
      subtype: p.kind,
      version: String(p.version),
      exportedAt: ctx.exportedAt,
    }),
    el('workflow', { source: `#${COFACILITATORS}` }, steps),
  );
  const concepts = [
    status,
    p.byFacilitators && refs.concept('facilitatorsText', 'Co-facilitators’ text'),
    p.outdated && refs.concept('outdated', 'Outdated: the words it targets have changed'),
  ].filter((c): c is string => typeof c === 'string');
  const block = ctx.blocks.get(p.pid);
  const target = ctx.paragraphIds.get(p.pid);
  const label = block?.label ?? '';
  const kindName = p.kind === 'comment' && p.reservation ? 'reservation' : KIND_NAMES[p.kind];
  const preface = el(
    'preface',
    {},
    el(
      'p',
      { class: 'target' },
      el('docType', {}, capitalised(kindName)),
      target ? [' — ', el('ref', { href: `#${target}` }, label)] : ' — a paragraph no longer in the text',
    ),
    el('p', { class: 'attribution' }, attribution(p, refs, proponent)),
    el(
      'p',
      { class: 'status', refersTo: concepts.join(' ') },
      el('docStatus', { refersTo: status }, STATUS_NAMES[p.status]),
    ),
  );
  return el(
    'attachment',
    { eId: attId, GUID: p.id },
    el('amendment', { name }, meta, preface, el('amendmentBody', {}, body(r, block, attId, ctx))),
  );
}

/** Who tabled a proposal, as an agent and a role. */
function proponentOf(p: ProposalView, refs: AknReferences): { by: string; as: string } {
  if (p.byFacilitators) return { by: `#${COFACILITATORS}`, as: refs.role('cofacilitator', 'Co-facilitator') };
  return {
    by: refs.organization(p.delegation.code, p.delegation.name),
    as: refs.role('proponent', 'Proponent'),
  };
}

/** "European Union (tabled by France), supported by Norway, Switzerland", each a `docProponent`. */
function attribution(p: ProposalView, refs: AknReferences, proponent: { by: string; as: string }): XmlNode[] {
  const out: XmlNode[] = [
    el(
      'docProponent',
      { refersTo: proponent.by, as: proponent.as },
      p.byFacilitators ? 'Co-facilitators' : p.delegation.name,
    ),
  ];
  if (p.tabledBy && !p.byFacilitators)
    out.push(
      ' (tabled by ',
      el(
        'docProponent',
        {
          refersTo: refs.organization(p.tabledBy.code, p.tabledBy.name),
          as: refs.role('tablingMember', 'Member tabling for its group'),
        },
        p.tabledBy.name,
      ),
      ')',
    );
  p.supporters.forEach((s, i) => {
    out.push(
      i === 0 ? ', supported by ' : ', ',
      el(
        'docProponent',
        { refersTo: refs.organization(s.code, s.name), as: refs.role('supporter', 'Supporter') },
        s.name,
      ),
    );
  });
  return out;
}

/** The amendment's body for its kind. */
function body(
  r: ResolvedProposal,
  block: SnapshotBlock | undefined,
  attId: string,
  ctx: AknAmendmentContext,
): XmlElement[] {
  const p = r.proposal;
  const content = (...blocks: XmlElement[]) => el('amendmentContent', {}, blocks);
  const proposed = (label: string, wish: string) =>
    el(
      'blockContainer',
      { eId: ctx.refs.eIds.take(`${attId}__${wish}`) },
      el('num', {}, label),
      p.text.split(/\r?\n/).map((line) => el('p', {}, el('ins', {}, line))),
    );
  switch (p.kind) {
    case 'amend':
      return [content(el('p', {}, changedText(r, block)))];
    case 'delete':
      return [content(el('p', {}, el('del', {}, ...inlineRuns(block?.runs ?? []))))];
    case 'retain':
      return [content(el('p', {}, ...inlineRuns(block?.runs ?? [])))];
    case 'insert': {
      const label = ctx.insertLabels.get(p.id) ?? `${block?.label ?? ''}bis`;
      return [content(proposed(label, eIdOfLabel(label)))];
    }
    case 'alt': {
      const label = `${block?.label ?? ''} alt`;
      const shown = ctx.alternativeIds.get(p.id);
      return [
        content(
          proposed(label, shown ?? eIdOfLabel(label)),
          ...(shown
            ? [el('p', {}, 'Shown in the text as ', el('ref', { href: `#${shown}` }, label), '.')]
            : []),
        ),
      ];
    }
    case 'comment':
      return [el('amendmentJustification', {}, textParagraphs(p.text))];
  }
}

/**
 * The paragraph with an amendment's changes in place: its words, those struck in `del` and those
 * put in in `ins`. When its words can no longer be found where it was tabled (outdated, applied
 * or the paragraph gone), the changes alone, one after the other ("struck put in … next").
 */
function changedText(r: ResolvedProposal, block: SnapshotBlock | undefined): XmlNode[] {
  const p = r.proposal;
  const ranges = r.ranges;
  const placed =
    block &&
    !p.outdated &&
    p.appliedAt === null &&
    ranges &&
    ranges.length === p.changes.length &&
    ranges.every(
      (x, i) =>
        x.from <= x.to &&
        x.to <= block.text.length &&
        block.text.slice(x.from, x.to) === p.changes[i]!.deleted,
    );
  if (!placed) {
    return p.changes.flatMap((c, i): XmlNode[] => [
      ...(i > 0 ? [' … '] : []),
      ...(c.deleted.trim() !== '' ? [el('del', {}, c.deleted.trim())] : []),
      ...(c.deleted.trim() !== '' && c.inserted.trim() !== '' ? [' '] : []),
      ...(c.inserted.trim() !== '' ? [el('ins', {}, c.inserted.trim())] : []),
    ]);
  }
  const order = p.changes.map((c, i) => ({ ...c, ...ranges[i]! })).sort((a, b) => a.from - b.from);
  const out: XmlNode[] = [];
  let at = 0;
  for (const c of order) {
    if (c.from < at) continue; // overlapping changes of one amendment: keep the first
    out.push(...inlineRuns(sliceRuns(block.runs, at, c.from)));
    if (c.from < c.to) out.push(el('del', {}, ...inlineRuns(sliceRuns(block.runs, c.from, c.to))));
    if (c.inserted !== '') out.push(el('ins', {}, c.inserted));
    at = c.to;
  }
  out.push(...inlineRuns(sliceRuns(block.runs, at, block.text.length)));
  return out;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
