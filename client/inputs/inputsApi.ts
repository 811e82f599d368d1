/** The written-inputs calls (PROTOCOL.md, "Written inputs"): overview, submit, edit, questions, compilation. */
import * as z from 'zod/mini';
import { INPUT_KINDS, type InputKind } from '../../shared/inputs.js';
import { getJson, negotiationApiPath, sendJson } from '../api.js';

const Delegation = z.object({ code: z.string(), name: z.string() });

const QuestionSchema = z.object({
  id: z.string(),
  number: z.number(),
  target: z.object({ type: z.enum(['revision', 'reading']), id: z.string() }),
  text: z.string(),
  createdAt: z.string(),
});

const InputSchema = z.object({
  id: z.string(),
  readingId: z.string(),
  kind: z.enum(INPUT_KINDS),
  questionId: z.nullable(z.string()),
  pid: z.nullable(z.string()),
  source: z.enum(['member-state', 'stakeholder']),
  delegation: z.nullable(Delegation),
  tabledBy: z.nullable(Delegation),
  personName: z.string(),
  text: z.string(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A written input as served. */
export type Input = z.infer<typeof InputSchema>;
/** A guiding question as served. */
export type Question = z.infer<typeof QuestionSchema>;

const ParagraphSchema = z.object({ pid: z.string(), label: z.string(), excerpt: z.string() });
/** A paragraph of the live text. */
export type Paragraph = z.infer<typeof ParagraphSchema>;

const ReadingSchema = z.object({
  id: z.string(),
  number: z.number(),
  label: z.string(),
  revisionId: z.string(),
  deadline: z.string(),
  open: z.boolean(),
});
/** The reading the inputs belong to. */
export type Reading = z.infer<typeof ReadingSchema>;

const OverviewSchema = z.object({
  timeZone: z.string(),
  reading: z.nullable(ReadingSchema),
  questions: z.array(QuestionSchema),
  inputs: z.array(InputSchema),
  /** Ids of the inputs the caller may edit. */
  mine: z.array(z.string()),
  paragraphs: z.array(ParagraphSchema),
  stakeholderInputsVisible: z.boolean(),
  submitAs: z.nullable(
    z.object({
      source: z.enum(['member-state', 'stakeholder']),
      delegation: z.nullable(z.string()),
      options: z.array(z.string()),
    }),
  ),
});

/** Everything the written-inputs page shows, as the server filtered it for the caller. */
export type Overview = z.infer<typeof OverviewSchema>;

const CompilationSchema = z.object({
  reading: z.nullable(ReadingSchema),
  timeZone: z.string(),
  compilation: z.object({
    questions: z.array(z.object({ question: QuestionSchema, inputs: z.array(InputSchema) })),
    general: z.array(InputSchema),
    paragraphs: z.array(z.object({ paragraph: ParagraphSchema, inputs: z.array(InputSchema) })),
    delegations: z.array(z.object({ delegation: Delegation, inputs: z.array(InputSchema) })),
    stakeholders: z.array(InputSchema),
    counts: z.object({ memberStates: z.number(), stakeholders: z.number(), delegations: z.number() }),
  }),
});

/** The co-facilitators' compilation of a reading's inputs. */
export type Compilation = z.infer<typeof CompilationSchema>;

const VersionsSchema = z.object({
  versions: z.array(
    z.object({ version: z.number(), text: z.string(), editedAt: z.string(), personName: z.string() }),
  ),
});
/** One version of an input's text. */
export type InputVersion = z.infer<typeof VersionsSchema>['versions'][number];

const SavedSchema = z.object({ input: InputSchema });

/** What a delegation or stakeholder submits. */
export interface NewInput {
  kind: InputKind;
  text: string;
  questionId?: string;
  pid?: string;
  /** The caller's delegation or one of its groups; never another delegation. */
  delegation?: string;
}

const path = (negotiationId: string, ...rest: string[]) => negotiationApiPath(negotiationId, ...rest);

/** `?readingId=…` for a chosen reading, or nothing for the open (or latest) one. */
const readingQuery = (readingId: string | null) =>
  readingId ? `?${new URLSearchParams({ readingId })}` : '';

/** The caller's view of a reading's questions and inputs: `readingId`'s, or the open (or latest) reading's. */
export function fetchOverview(
  negotiationId: string,
  readingId: string | null,
  signal?: AbortSignal,
): Promise<Overview> {
  return getJson(`${path(negotiationId, 'inputs')}${readingQuery(readingId)}`, OverviewSchema, signal);
}

/** Submits a written input. */
export async function submitInput(negotiationId: string, input: NewInput): Promise<Input> {
  return (await sendJson('POST', path(negotiationId, 'inputs'), input, SavedSchema)).input;
}

/** Changes the text of the caller's own input. */
export async function editInput(negotiationId: string, id: string, text: string): Promise<Input> {
  return (await sendJson('PATCH', path(negotiationId, 'inputs', id), { text }, SavedSchema)).input;
}

/** Every version of an input. */
export async function fetchHistory(
  negotiationId: string,
  id: string,
  signal?: AbortSignal,
): Promise<InputVersion[]> {
  return (await getJson(path(negotiationId, 'inputs', id, 'history'), VersionsSchema, signal)).versions;
}

/** Co-facilitators: posts a guiding question on the open reading. */
export async function postQuestion(negotiationId: string, text: string): Promise<void> {
  await sendJson('POST', path(negotiationId, 'questions'), { text });
}

/** Co-facilitators: shows stakeholders' inputs to every participant, or not. */
export async function setStakeholderVisibility(negotiationId: string, visible: boolean): Promise<void> {
  await sendJson('PUT', path(negotiationId, 'inputs', 'settings'), { stakeholderInputsVisible: visible });
}

/** Co-facilitators: moves the deadline of a reading (for proposals and written inputs alike). */
export async function setReadingDeadline(
  negotiationId: string,
  readingId: string,
  deadline: string,
): Promise<void> {
  await sendJson('PUT', path(negotiationId, 'readings', readingId, 'deadline'), { deadline });
}

/** Co-facilitators: the compilation of `readingId`, or of the open (or latest) reading. */
export function fetchCompilation(
  negotiationId: string,
  readingId: string | null,
  signal?: AbortSignal,
): Promise<Compilation> {
  return getJson(
    `${path(negotiationId, 'inputs', 'compilation')}${readingQuery(readingId)}`,
    CompilationSchema,
    signal,
  );
}

/** Where the compilation of `readingId` (or of the open or latest reading) downloads as a Word document. */
export function compilationDocxPath(negotiationId: string, readingId: string | null): string {
  return `${path(negotiationId, 'inputs')}/compilation.docx${readingQuery(readingId)}`;
}
