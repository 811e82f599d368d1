/**
 * Identifiers of an Akoma Ntoso export: the `eId` of every element (unique in the whole
 * document, attachments included, as the schema requires, and derived from what it names so
 * that the same snapshot always gives the same ids: `pp_1`, `op_3bis`), and the `references`
 * of the document's metadata (TLCOrganization, TLCPerson, TLCRole, TLCConcept, TLCEvent), each
 * registered once when first referred to.
 */
import { FACILITATORS } from '../../shared/proposals.js';
import { el, type XmlElement } from './xml.js';

/** Hands out eIds, each once: a second wish for the same one gets `_2`, `_3` … */
export class EIds {
  private readonly used = new Set<string>();

  /** A unique eId made from `wish` (characters outside [A-Za-z0-9_.-] become `_`). */
  take(wish: string): string {
    const base = wish.replace(/[^A-Za-z0-9_.-]+/g, '_') || 'x';
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}_${n}`;
    this.used.add(id);
    return id;
  }
}

/**
 * The eId a paragraph number stands for: "PP1" → `pp_1`, "OP3bis" → `op_3bis`,
 * "OP3 alt" → `op_3_alt`.
 */
export function eIdOfLabel(label: string): string {
  const m = /^(PP|OP)\s*(.*)$/i.exec(label.trim());
  const rest = (m ? m[2]! : label)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return m ? `${m[1]!.toLowerCase()}_${rest || '0'}` : rest || 'para';
}

/** Kinds of ontology reference the export uses. */
type TlcKind = 'TLCOrganization' | 'TLCPerson' | 'TLCRole' | 'TLCConcept' | 'TLCEvent';

const ONTOLOGY: Record<TlcKind, string> = {
  TLCOrganization: 'organizations',
  TLCPerson: 'persons',
  TLCRole: 'roles',
  TLCConcept: 'concepts',
  TLCEvent: 'events',
};

/** The eId of the co-facilitators as an organization: the source of the markup, the works' author. */
export const COFACILITATORS = 'cofacilitators';

/**
 * The document's references, collected as the body refers to them. Each `organization`,
 * `person`, `role` … returns the `#eId` to write in `refersTo`, `by`, `as`, `href` or `source`.
 */
export class AknReferences {
  /** Version references (`original`, `passiveRef`), in order, then the TLC entries. */
  private readonly versions: XmlElement[] = [];
  private readonly tlc: XmlElement[] = [];
  private readonly byKey = new Map<string, string>();
  private persons = 0;

  constructor(
    /** The document's eIds, which references take theirs from. */
    readonly eIds: EIds,
    /** The co-facilitating delegations, named in the co-facilitators' entry and listed after it. */
    facilitators: readonly { code: string; name: string }[] = [],
  ) {
    const names = facilitators.map((f) => f.name).join(', ');
    this.register(
      'TLCOrganization',
      COFACILITATORS,
      names ? `Co-facilitators (${names})` : 'Co-facilitators',
      COFACILITATORS,
    );
    for (const f of facilitators) this.organization(f.code, f.name);
  }

  /** A delegation or group by its code (the co-facilitators' own text under `FACILITATORS`). */
  organization(code: string, name: string): string {
    if (code === FACILITATORS) return `#${COFACILITATORS}`;
    return this.register('TLCOrganization', `org_${code.toLowerCase()}`, name, code);
  }

  /** A person named in the records (who circulated a revision or closed a reading). */
  person(name: string): string {
    return (
      this.byKey.get(`TLCPerson:${name}`) ??
      this.register('TLCPerson', `person_${++this.persons}`, name, name)
    );
  }

  /** A role: `cofacilitator`, `proponent`, `supporter` … */
  role(key: string, showAs: string): string {
    return this.register('TLCRole', key, showAs, key);
  }

  /** A concept: a paragraph or proposal status, co-facilitators' text … */
  concept(key: string, showAs: string): string {
    return this.register('TLCConcept', key, showAs, key);
  }

  /** An event of the negotiation's life (circulation, closing of a reading). */
  event(key: string, showAs: string): string {
    return this.register('TLCEvent', key, showAs, key);
  }

  /**
   * A version of the text (a revision or closed reading) as the lifecycle's events name it: the
   * first as `original`, the others as `passiveRef`.
   */
  version(wish: string, href: string, showAs: string): string {
    const eId = this.eIds.take(wish);
    this.versions.push(el(this.versions.length === 0 ? 'original' : 'passiveRef', { eId, href, showAs }));
    return `#${eId}`;
  }

  /** The `references` element. */
  element(): XmlElement {
    return el('references', { source: `#${COFACILITATORS}` }, ...this.versions, ...this.tlc);
  }

  private register(kind: TlcKind, wish: string, showAs: string, name: string): string {
    const key = `${kind}:${name}`;
    const known = this.byKey.get(key);
    if (known) return known;
    const eId = this.eIds.take(wish);
    this.tlc.push(
      el(kind, {
        eId,
        href: `/akn/ontology/${ONTOLOGY[kind]}/un/${encodeURIComponent(name)}`,
        showAs,
      }),
    );
    const ref = `#${eId}`;
    this.byKey.set(key, ref);
    return ref;
  }
}
