/**
 * Deterministic text for the large benchmark negotiation: a seeded random generator and a draft
 * of any number of preambular and operative paragraphs in the register of a General Assembly
 * declaration. The same seed always gives the same draft, so runs are comparable.
 */

/** A seeded pseudo-random generator (mulberry32). */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const PREAMBULAR_OPENINGS = [
  'Recalling',
  'Recalling also',
  'Reaffirming',
  'Reaffirming also',
  'Recognizing',
  'Recognizing further',
  'Welcoming',
  'Noting with concern',
  'Deeply concerned',
  'Acknowledging',
  'Bearing in mind',
  'Emphasizing',
  'Stressing',
  'Taking note with appreciation',
  'Convinced',
] as const;

const OPERATIVE_OPENINGS = [
  'We commit to',
  'We recommit to',
  'We call upon Member States to',
  'We encourage',
  'We request the Secretary-General to',
  'We invite relevant stakeholders to',
  'We decide to',
  'We urge',
  'We resolve to',
  'We underline the need to',
  'We reaffirm our commitment to',
  'We welcome efforts to',
] as const;

const VERBS = [
  'strengthen',
  'promote',
  'enhance',
  'ensure',
  'support',
  'facilitate',
  'develop',
  'implement',
  'review',
  'expand',
  'protect',
  'improve',
] as const;

const OBJECTS = [
  'regular pathways for migration',
  'the rights of all migrants',
  'international cooperation and partnerships',
  'the collection of accurate and disaggregated data',
  'access to basic services for migrants',
  'decent work and fair recruitment',
  'the reintegration of returning migrants',
  'border management in full respect of international law',
  'the fight against trafficking in persons',
  'the portability of social security entitlements',
  'the recognition of skills and qualifications',
  'cheaper, faster and safer transfer of remittances',
  'the prevention of loss of life along migratory routes',
  'evidence-based public discourse on migration',
  'consular protection and assistance',
  'alternatives to immigration detention',
] as const;

const QUALIFIERS = [
  'at the national, regional and global levels',
  'in accordance with national legislation and policies',
  'taking into account different national realities, capacities and levels of development',
  'with the participation of relevant stakeholders',
  'in line with the 2030 Agenda for Sustainable Development',
  'through whole-of-government and whole-of-society approaches',
  'with particular attention to women and children',
  'in cooperation with the United Nations Network on Migration',
  'while respecting the sovereign right of States to determine their national migration policy',
  'building on existing mechanisms and good practices',
] as const;

/** One sentence of some 40 to 90 words. */
function rest(rng: Random): string {
  const clauses: string[] = [];
  const n = rng.int(2, 4);
  for (let i = 0; i < n; i++) {
    const verb = rng.pick(VERBS);
    clauses.push(`${i === 0 ? '' : 'and to '}${verb} ${rng.pick(OBJECTS)}, ${rng.pick(QUALIFIERS)}`);
  }
  return `${clauses.join(', ')};`;
}

/** A numbered paragraph of the draft as ProseMirror JSON. */
function paragraphJson(type: 'preambular' | 'operative', pid: string, opening: string, body: string) {
  return {
    type,
    attrs: { pid },
    content: [
      { type: 'text', marks: [{ type: 'em' }], text: opening },
      { type: 'text', text: ` ${body}` },
    ],
  };
}

/** Id of the n-th (1-based) paragraph of a kind: `pp001`, `op042` … */
export function benchPid(kind: 'preambular' | 'operative', n: number): string {
  return `${kind === 'preambular' ? 'pp' : 'op'}${String(n).padStart(3, '0')}`;
}

/**
 * A draft of `paragraphs` paragraphs (about one in seven preambular) with a section heading every
 * 30 operative paragraphs, as ProseMirror JSON for `shared/schema.ts`.
 */
export function largeDraftJson(paragraphs: number, seed = 1): { type: 'doc'; content: unknown[] } {
  const rng = new Random(seed);
  const preambular = Math.max(1, Math.round(paragraphs / 7.5));
  const content: unknown[] = [
    {
      type: 'title',
      content: [
        {
          type: 'text',
          text: 'Benchmark declaration on the implementation of the Global Compact for Safe, Orderly and Regular Migration',
        },
      ],
    },
  ];
  for (let i = 1; i <= preambular; i++) {
    content.push(
      paragraphJson('preambular', benchPid('preambular', i), rng.pick(PREAMBULAR_OPENINGS), rest(rng)),
    );
  }
  for (let i = 1; i <= paragraphs - preambular; i++) {
    if ((i - 1) % 30 === 0) {
      content.push({
        type: 'section',
        content: [{ type: 'text', text: `Section ${Math.floor((i - 1) / 30) + 1}: ${rng.pick(OBJECTS)}` }],
      });
    }
    content.push(
      paragraphJson('operative', benchPid('operative', i), rng.pick(OPERATIVE_OPENINGS), rest(rng)),
    );
  }
  return { type: 'doc', content };
}

/** A sentence for an alternative text, a new paragraph or a comment. */
export function proposalSentence(rng: Random, marker: string): string {
  return `${rng.pick(OPERATIVE_OPENINGS)} ${rest(rng)} [${marker}]`;
}

/** The base text with a few words added, deleted or replaced (never unchanged). */
export function amendedText(rng: Random, base: string): string {
  const words = base.split(' ');
  if (words.length < 4) return `${base} ${rng.pick(VERBS)}`;
  const at = rng.int(1, words.length - 2);
  const op = rng.int(0, 2);
  if (op === 0) words.splice(at, 0, rng.pick(['fully', 'effectively', 'further', 'urgently', 'all']));
  else if (op === 1) words.splice(at, Math.min(rng.int(1, 3), words.length - at - 1));
  else words.splice(at, 1, rng.pick(VERBS));
  const out = words.join(' ');
  return out === base ? `${base} ${rng.pick(VERBS)}` : out;
}
