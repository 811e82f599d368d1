/**
 * Written inputs: delegations' general comments, answers to the co-facilitators' guiding
 * questions and comments on paragraphs, submitted during a reading until its deadline, and
 * stakeholders' inputs kept apart. Attribution is always set by the server from the session.
 * `compileInputs` arranges them for the co-facilitators (screen and Word export alike).
 */
import type { DelegationRef } from './proposals.js';

/** A general comment, an answer to a guiding question, or a comment on a paragraph. */
export const INPUT_KINDS = ['general', 'answer', 'paragraph'] as const;
/** Kind of written input. */
export type InputKind = (typeof INPUT_KINDS)[number];

/** Inputs from Member States (delegations and groups) and from stakeholders (observers) are kept apart. */
export type InputSource = 'member-state' | 'stakeholder';

/** Longest input and question, in characters. */
export const INPUT_LIMITS = { text: 20_000, question: 1_000 } as const;

/** A guiding question of the co-facilitators on a revision or a reading. */
export interface GuidingQuestion {
  id: string;
  /** 1, 2, 3 … within its revision or reading. */
  number: number;
  target: { type: 'revision' | 'reading'; id: string };
  text: string;
  createdAt: string;
}

/** A written input as shown to those allowed to see it. */
export interface InputView {
  id: string;
  readingId: string;
  kind: InputKind;
  questionId: string | null;
  pid: string | null;
  source: InputSource;
  /** The delegation or group (Member States' inputs); null for stakeholders. */
  delegation: DelegationRef | null;
  /** The member delegation that submitted it on behalf of a group, else null. */
  tabledBy: DelegationRef | null;
  /** Who wrote it: the stakeholder's name, or the delegate's. */
  personName: string;
  text: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One earlier or current text of an input. */
export interface InputVersion {
  version: number;
  text: string;
  editedAt: string;
  personName: string;
}

/** A paragraph of the live text as inputs refer to it. */
export interface InputParagraph {
  pid: string;
  label: string;
  /** Its words now, shortened. */
  excerpt: string;
}

/** The compilation of one reading's inputs, grouped three ways. */
export interface InputCompilation {
  questions: { question: GuidingQuestion; inputs: InputView[] }[];
  general: InputView[];
  /** Paragraphs in text order; comments on paragraphs no longer in the text come last. */
  paragraphs: { paragraph: InputParagraph; inputs: InputView[] }[];
  /** Member States' inputs by delegation, in alphabetical order of its name. */
  delegations: { delegation: DelegationRef; inputs: InputView[] }[];
  /** Stakeholders' inputs, apart, oldest first. */
  stakeholders: InputView[];
  counts: { memberStates: number; stakeholders: number; delegations: number };
}

/** Arranges inputs (oldest first) by question, by paragraph and by delegation. */
export function compileInputs(
  inputs: readonly InputView[],
  questions: readonly GuidingQuestion[],
  paragraphs: readonly InputParagraph[],
  missingParagraphLabel = 'Paragraph no longer in the text',
): InputCompilation {
  const ordered = [...inputs].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
  const states = ordered.filter((i) => i.source === 'member-state');
  const stakeholders = ordered.filter((i) => i.source === 'stakeholder');

  const byPid = new Map<string, InputView[]>();
  for (const i of states) if (i.kind === 'paragraph' && i.pid) push(byPid, i.pid, i);
  const known = new Set(paragraphs.map((p) => p.pid));
  const paragraphGroups = paragraphs
    .filter((p) => byPid.has(p.pid))
    .map((paragraph) => ({ paragraph, inputs: byPid.get(paragraph.pid)! }));
  for (const [pid, list] of byPid) {
    if (!known.has(pid))
      paragraphGroups.push({ paragraph: { pid, label: missingParagraphLabel, excerpt: '' }, inputs: list });
  }

  const byDelegation = new Map<string, { delegation: DelegationRef; inputs: InputView[] }>();
  for (const i of states) {
    const d = i.delegation!;
    const group = byDelegation.get(d.code) ?? { delegation: d, inputs: [] };
    group.inputs.push(i);
    byDelegation.set(d.code, group);
  }

  return {
    questions: [...questions]
      .sort((a, b) => a.number - b.number)
      .map((question) => ({
        question,
        inputs: states.filter((i) => i.kind === 'answer' && i.questionId === question.id),
      })),
    general: states.filter((i) => i.kind === 'general'),
    paragraphs: paragraphGroups,
    delegations: [...byDelegation.values()].sort((a, b) =>
      a.delegation.name.localeCompare(b.delegation.name),
    ),
    stakeholders,
    counts: {
      memberStates: states.length,
      stakeholders: stakeholders.length,
      delegations: byDelegation.size,
    },
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
