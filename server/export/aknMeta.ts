/**
 * The metadata of an Akoma Ntoso export: FRBR identification (the negotiated text is one work;
 * each circulated revision, each closed reading and the live text an expression of it, named by
 * its date in the negotiation's zone; the exported file its manifestation), the lifecycle (one
 * event per revision circulated and reading closed up to the exported version) and the workflow
 * (who circulated or closed each).
 */
import { localDateAt } from '../../shared/time.js';
import { type AknReferences, COFACILITATORS } from './aknRefs.js';
import { el, type XmlElement } from './xml.js';

/** A circulated revision or closed reading, as the lifecycle lists it. */
export interface AknVersion {
  /** The snapshot's id. */
  id: string;
  kind: 'revision' | 'reading';
  /** "Zero draft", "Rev.1", "First reading" … */
  label: string;
  /** ISO instant the record was taken. */
  takenAt: string;
  /** Name of the co-facilitator who circulated or closed it. */
  takenBy: string;
}

/** What FRBR identification states of a work and one of its expressions. */
export interface FrbrIdentity {
  /** The work's URI (`/akn/un/statement/declaration/2022-03-01/<id>`). */
  work: string;
  /** The expression's URI (`<work>/eng@2022-04-01`). */
  expression: string;
  /** The work's date and what it is the date of. */
  workDate: { date: string; name: string };
  /** The expression's date and what it is the date of. */
  expressionDate: { date: string; name: string };
  /** The author of work and expression: an agent reference and its role. */
  author: { href: string; as: string };
  /** FRBRname: "declaration", "amendment" … */
  name: string;
  /** FRBRsubtype, e.g. the kind of a proposal. */
  subtype?: string;
  /** FRBRversionNumber: "Rev.1", a proposal's version. */
  version?: string;
  /** ISO instant of the export (the manifestation's date). */
  exportedAt: string;
}

/** The `identification` element: FRBRWork, FRBRExpression and FRBRManifestation. */
export function identification(id: FrbrIdentity): XmlElement {
  const author = el('FRBRauthor', { href: id.author.href, as: id.author.as });
  return el(
    'identification',
    { source: `#${COFACILITATORS}` },
    el(
      'FRBRWork',
      {},
      el('FRBRthis', { value: `${id.work}/!main` }),
      el('FRBRuri', { value: id.work }),
      el('FRBRdate', id.workDate),
      author,
      el('FRBRcountry', { value: 'un' }),
      id.subtype !== undefined && el('FRBRsubtype', { value: id.subtype }),
      el('FRBRname', { value: id.name }),
    ),
    el(
      'FRBRExpression',
      {},
      el('FRBRthis', { value: `${id.expression}/!main` }),
      el('FRBRuri', { value: id.expression }),
      el('FRBRdate', id.expressionDate),
      author,
      id.version !== undefined && el('FRBRversionNumber', { value: id.version }),
      el('FRBRlanguage', { language: 'eng' }),
    ),
    el(
      'FRBRManifestation',
      {},
      el('FRBRthis', { value: `${id.expression}/!main.xml` }),
      el('FRBRuri', { value: `${id.expression}.akn.xml` }),
      el('FRBRdate', { date: id.exportedAt.slice(0, 10), name: 'export' }),
      el('FRBRauthor', { href: `#${COFACILITATORS}` }),
    ),
  );
}

/**
 * The version part of each expression URI, in order: the date in `zone`, with `_2`, `_3` … for
 * a second and third version of the same day.
 */
export function versionIds(instants: readonly string[], zone: string): string[] {
  const seen = new Map<string, number>();
  return instants.map((at) => {
    const date = localDateAt(at, zone);
    const n = (seen.get(date) ?? 0) + 1;
    seen.set(date, n);
    return n === 1 ? date : `${date}_${n}`;
  });
}

/**
 * The `lifecycle` and `workflow` of the versions up to the exported one: an event per revision
 * (the first generates the work, the others amend it) and per closed reading, each naming the
 * expression it produced; a step per version saying which co-facilitator took it. Null when
 * there is none yet (a zero draft still being written).
 */
export function history(
  versions: readonly (AknVersion & { expression: string })[],
  refs: AknReferences,
): { lifecycle: XmlElement; workflow: XmlElement } | null {
  if (versions.length === 0) return null;
  const cofacilitator = refs.role('cofacilitator', 'Co-facilitator');
  const events = versions.map((v, i) => {
    const source = refs.version(`ver_${i + 1}`, v.expression, v.label);
    const event =
      v.kind === 'revision'
        ? refs.event('circulation', 'Circulation of a revision')
        : refs.event('readingClosed', 'Closing of a reading');
    return { v, source, event, i };
  });
  return {
    lifecycle: el(
      'lifecycle',
      { source: `#${COFACILITATORS}` },
      events.map(({ v, source, event, i }) =>
        el('eventRef', {
          eId: refs.eIds.take(`evt_${i + 1}`),
          date: v.takenAt,
          source,
          refersTo: event,
          type: i === 0 ? 'generation' : 'amendment',
        }),
      ),
    ),
    workflow: el(
      'workflow',
      { source: `#${COFACILITATORS}` },
      events.map(({ v, source }) =>
        el('step', {
          date: v.takenAt,
          by: refs.person(v.takenBy),
          as: cofacilitator,
          refersTo: source,
          outcome:
            v.kind === 'revision'
              ? refs.concept('circulated', 'Circulated')
              : refs.concept('closed', 'Reading closed'),
        }),
      ),
    ),
  };
}
