/**
 * Written inputs and guiding questions. Co-facilitators post questions on a revision or reading;
 * during the open reading and until its deadline, delegations submit general comments, answers
 * and comments on paragraphs, attributed by the server to the caller's delegation (observers'
 * inputs become stakeholder inputs under their own name). Each input can be edited by its
 * author until the deadline; every version is kept. Each change runs in its negotiation's
 * serialisation scope (with the proposal and reading commands) and stores its writes and audit
 * entry as one unit of work.
 */
import { z } from 'zod';
import { draftParagraphs, paragraphPlainText } from '../../shared/anchors.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import {
  compileInputs,
  type GuidingQuestion,
  INPUT_LIMITS,
  type InputCompilation,
  type InputParagraph,
  type InputView,
} from '../../shared/inputs.js';
import { numberParagraphs } from '../../shared/numbering.js';
import { delegationRef } from '../../shared/proposals.js';
import { draftDocName } from '../../shared/protocol.js';
import { invisibleChange } from '../../shared/textValidation.js';
import type { Membership } from '../accounts/accounts.js';
import type { AuditLog } from '../accounts/audit.js';
import type { Rooms } from '../collab/rooms.js';
import { textField } from '../http/validate.js';
import {
  canSeeInput,
  inputAttribution,
  isInputAuthor,
  requireInputAuthor,
  type SubmitAs,
  submitAs,
} from '../policies/ownership.js';
import { authorize } from '../policies/policies.js';
import { readingLabel } from '../readings/labels.js';
import { numberingBasis } from '../readings/numberingBasis.js';
import type { Readings } from '../readings/readings.js';
import type { InputRecord, InputVersionRecord, QuestionRecord, ReadingRecord } from '../storage/records.js';
import type { Storage } from '../storage/storage.js';
import { checkText } from './text.js';

const id = z.string().min(1).max(64);
// Length and emptiness are checked by the service, which answers INPUT_EMPTY / INPUT_TOO_LONG.
const text = z.string();
const delegation = z.string().min(2).max(12).optional();

/** Body of "submit a written input"; `delegation` may only name the caller's delegation or one of its groups. */
export const SubmitInputBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('general'), text, delegation }).strict(),
  z.object({ kind: z.literal('answer'), questionId: id, text, delegation }).strict(),
  z.object({ kind: z.literal('paragraph'), pid: id, text, delegation }).strict(),
]);
/** Body of "edit my input". */
export const EditInputBody = z.object({ text }).strict();
/** Body of "post a guiding question"; without a target, it is for the open reading. */
export const QuestionBody = z
  .object({
    target: z
      .object({ type: z.enum(['revision', 'reading']), id })
      .strict()
      .optional(),
    text: textField({ max: INPUT_LIMITS.question, multiline: true }),
  })
  .strict();
/** Body of "show stakeholders' inputs to everyone, or not". */
export const VisibilityBody = z.object({ stakeholderInputsVisible: z.boolean() }).strict();

/** A reading as the inputs pages show it. */
export interface ReadingSummary {
  id: string;
  number: number;
  label: string;
  revisionId: string;
  deadline: string;
  open: boolean;
}

/** Everything the written-inputs page needs for one reading, filtered for the caller. */
export interface InputsOverview {
  timeZone: string;
  reading: ReadingSummary | null;
  questions: GuidingQuestion[];
  inputs: InputView[];
  /** Ids of the inputs the caller may edit (their delegation's or their own), deadline permitting. */
  mine: string[];
  paragraphs: InputParagraph[];
  stakeholderInputsVisible: boolean;
  /** How the caller's inputs would be attributed, or null when they cannot submit any. */
  submitAs: SubmitAs;
}

/** The public form of a stored input. */
export function inputView(r: InputRecord): InputView {
  return {
    id: r.id,
    readingId: r.readingId,
    kind: r.kind,
    questionId: r.questionId,
    pid: r.pid,
    source: r.source,
    delegation: r.delegation ? delegationRef(r.delegation) : null,
    tabledBy: r.tabledBy ? delegationRef(r.tabledBy) : null,
    personName: r.personName,
    text: r.text,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

function questionView(q: QuestionRecord): GuidingQuestion {
  return {
    id: q.id,
    number: q.number,
    target: { type: q.targetType, id: q.targetId },
    text: q.text,
    createdAt: q.createdAt,
  };
}

/** The written-inputs service. `now` is injectable for the demo and for tests. */
export class Inputs {
  constructor(
    private readonly storage: Storage,
    private readonly rooms: Rooms,
    private readonly readings: Readings,
    private readonly audit: AuditLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The caller's view of a reading's questions and inputs (the open or latest reading by default). */
  async overview(m: Membership, readingId?: string): Promise<InputsOverview> {
    const negotiationId = m.participant.negotiationId;
    const negotiation = (await this.storage.getNegotiation(negotiationId))!;
    const reading = await this.pickReading(negotiationId, readingId);
    const visible = await this.storage.inputs.stakeholderInputsVisible(negotiationId);
    const inputs = reading ? await this.storage.inputs.listInputs(negotiationId, reading.id) : [];
    return {
      timeZone: negotiation.timeZone,
      reading: reading && summary(reading),
      questions: reading ? await this.questionsFor(reading) : [],
      inputs: inputs.filter((i) => canSeeInput(m, i, visible)).map(inputView),
      mine: inputs.filter((i) => isInputAuthor(m, i)).map((i) => i.id),
      paragraphs: await this.paragraphs(negotiationId),
      stakeholderInputsVisible: visible,
      submitAs: submitAs(m),
    };
  }

  /** Co-facilitators: every input of a reading, arranged by question, paragraph and delegation. */
  async compilation(
    m: Membership,
    readingId?: string,
  ): Promise<{ reading: ReadingSummary | null; timeZone: string; compilation: InputCompilation }> {
    authorize(m, 'inputs.compilation');
    const negotiationId = m.participant.negotiationId;
    const negotiation = (await this.storage.getNegotiation(negotiationId))!;
    const reading = await this.pickReading(negotiationId, readingId);
    const inputs = reading ? await this.storage.inputs.listInputs(negotiationId, reading.id) : [];
    const questions = reading ? await this.questionsFor(reading) : [];
    return {
      reading: reading && summary(reading),
      timeZone: negotiation.timeZone,
      compilation: compileInputs(inputs.map(inputView), questions, await this.paragraphs(negotiationId)),
    };
  }

  /** Submits a written input in the open reading, attributed from the session. */
  submit(m: Membership, body: z.infer<typeof SubmitInputBody>): Promise<InputRecord> {
    const negotiationId = m.participant.negotiationId;
    return this.serial(negotiationId, async () => {
      const author = inputAttribution(m, body.delegation);
      const reading = await this.readings.readingForInputs(negotiationId);
      const clean = checkText(body.text);
      const questionId = body.kind === 'answer' ? body.questionId : null;
      const pid = body.kind === 'paragraph' ? body.pid : null;
      if (questionId && !(await this.questionsFor(reading)).some((q) => q.id === questionId))
        throw new AppError(
          'QUESTION_NOT_FOUND',
          'This question is not one of the current reading’s guiding questions.',
        );
      if (pid && !(await this.paragraphs(negotiationId)).some((p) => p.pid === pid))
        throw new AppError('PARAGRAPH_NOT_FOUND', 'No such paragraph in the text.');
      const existing = (await this.storage.inputs.listInputs(negotiationId, reading.id)).find(
        (i) =>
          (author.delegation
            ? i.delegation === author.delegation
            : i.delegation === null && i.personId === m.principal.person.id) &&
          i.kind === body.kind &&
          i.questionId === questionId &&
          i.pid === pid,
      );
      if (existing)
        throw new AppError('INPUT_EXISTS', 'This input was already submitted; edit it instead.', {
          inputId: existing.id,
        });
      const at = this.now().toISOString();
      const record: InputRecord = {
        id: newId(),
        negotiationId,
        readingId: reading.id,
        kind: body.kind,
        questionId,
        pid,
        ...author,
        personId: m.principal.person.id,
        personName: m.principal.person.name,
        text: clean,
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      await this.storage.transaction(async () => {
        await this.storage.inputs.insertInput(record);
        await this.audit.write('input.submitted', negotiationId, m, {
          inputId: record.id,
          kind: record.kind,
          source: record.source,
          delegation: record.delegation,
        });
      });
      return record;
    });
  }

  /** Changes the text of the caller's own input until the deadline; the earlier text is kept. */
  edit(m: Membership, inputId: string, body: z.infer<typeof EditInputBody>): Promise<InputRecord> {
    const negotiationId = m.participant.negotiationId;
    return this.serial(negotiationId, async () => {
      const input = await this.input(negotiationId, inputId);
      requireInputAuthor(m, input);
      const reading = await this.readings.readingForInputs(negotiationId);
      if (reading.id !== input.readingId)
        throw new AppError('READING_CLOSED', 'The reading this input was submitted in is closed.');
      const clean = checkText(body.text);
      if (clean === input.text) throw new AppError('NO_CHANGE', 'The text is the same as before.');
      if (invisibleChange(input.text, clean))
        throw new AppError(
          'INVISIBLE_TEXT',
          'text: nothing visible would change: the edit only adds or removes invisible characters.',
        );
      return this.storage.transaction(async () => {
        const updated = await this.storage.inputs.updateInputText(
          inputId,
          clean,
          this.now().toISOString(),
          m.principal.person.id,
          m.principal.person.name,
        );
        await this.audit.write('input.edited', negotiationId, m, { inputId, version: updated.version });
        return updated;
      });
    });
  }

  /** Every version of an input the caller may see. */
  async history(m: Membership, inputId: string): Promise<InputVersionRecord[]> {
    const negotiationId = m.participant.negotiationId;
    const input = await this.input(negotiationId, inputId);
    if (!canSeeInput(m, input, await this.storage.inputs.stakeholderInputsVisible(negotiationId)))
      throw new AppError('INPUT_NOT_FOUND', 'No such written input.');
    return this.storage.inputs.inputHistory(inputId);
  }

  /** Co-facilitators: posts a guiding question on a revision or reading (the open reading by default). */
  async addQuestion(m: Membership, body: z.infer<typeof QuestionBody>): Promise<GuidingQuestion> {
    authorize(m, 'question.post');
    const negotiationId = m.participant.negotiationId;
    return this.serial(negotiationId, async () => {
      const target = body.target ?? (await this.openTarget(negotiationId));
      await this.checkTarget(negotiationId, target);
      const same = (await this.storage.inputs.listQuestions(negotiationId)).filter(
        (q) => q.targetType === target.type && q.targetId === target.id,
      );
      const record: QuestionRecord = {
        id: newId(),
        negotiationId,
        targetType: target.type,
        targetId: target.id,
        number: same.length + 1,
        text: body.text,
        createdAt: this.now().toISOString(),
        createdBy: m.principal.person.id,
      };
      await this.storage.transaction(async () => {
        await this.storage.inputs.insertQuestion(record);
        await this.audit.write('question.posted', negotiationId, m, { questionId: record.id, ...target });
      });
      return questionView(record);
    });
  }

  /** Co-facilitators: shows stakeholders' inputs to every participant, or only to the co-facilitators. */
  async setStakeholderVisibility(m: Membership, visible: boolean): Promise<void> {
    authorize(m, 'inputs.settings');
    const negotiationId = m.participant.negotiationId;
    await this.serial(negotiationId, () =>
      this.storage.transaction(async () => {
        await this.storage.inputs.setStakeholderInputsVisible(
          negotiationId,
          visible,
          this.now().toISOString(),
          m.principal.person.id,
        );
        await this.audit.write('inputs.visibility', negotiationId, m, { stakeholderInputsVisible: visible });
      }),
    );
  }

  /** Guiding questions of a reading and of the revision it reads. */
  private async questionsFor(reading: ReadingRecord): Promise<GuidingQuestion[]> {
    const all = await this.storage.inputs.listQuestions(reading.negotiationId);
    const revision = all.filter((q) => q.targetType === 'revision' && q.targetId === reading.revisionId);
    const own = all.filter((q) => q.targetType === 'reading' && q.targetId === reading.id);
    return [...revision, ...own].map(questionView);
  }

  /** Paragraphs of the live text, numbered as during the reading. */
  private async paragraphs(negotiationId: string): Promise<InputParagraph[]> {
    const basis = await numberingBasis(this.storage, negotiationId);
    return this.rooms.withRoom(draftDocName(negotiationId), (room) => {
      const paras = draftParagraphs(room.doc);
      const labels = numberParagraphs(paras, basis);
      return paras.map((p) => {
        const words = paragraphPlainText(p.element);
        return {
          pid: p.pid,
          label: labels.get(p.pid) ?? '',
          excerpt: words.length > 140 ? `${words.slice(0, 139)}…` : words,
        };
      });
    });
  }

  private async pickReading(negotiationId: string, readingId?: string): Promise<ReadingRecord | null> {
    const readings = await this.storage.readings.listReadings(negotiationId);
    if (readingId) {
      const r = readings.find((x) => x.id === readingId);
      if (!r) throw new AppError('NOT_FOUND', 'No such reading.');
      return r;
    }
    return readings.find((r) => r.closedAt === null) ?? readings.at(-1) ?? null;
  }

  private async openTarget(negotiationId: string): Promise<{ type: 'reading'; id: string }> {
    const open = await this.readings.openReading(negotiationId);
    if (!open)
      throw new AppError(
        'NO_OPEN_READING',
        'No reading is open: name the revision or reading of the question.',
      );
    return { type: 'reading', id: open.id };
  }

  private async checkTarget(negotiationId: string, target: { type: 'revision' | 'reading'; id: string }) {
    const found =
      target.type === 'reading'
        ? (await this.storage.readings.getReading(target.id))?.negotiationId === negotiationId
        : await this.storage.readings
            .getSnapshot(target.id)
            .then((s) => s?.negotiationId === negotiationId && s.kind === 'revision');
    if (!found) throw new AppError('NOT_FOUND', `No such ${target.type} in this negotiation.`);
  }

  private async input(negotiationId: string, inputId: string): Promise<InputRecord> {
    const input = await this.storage.inputs.getInput(inputId);
    if (!input || input.negotiationId !== negotiationId)
      throw new AppError('INPUT_NOT_FOUND', 'No such written input.');
    return input;
  }

  /** Runs a change of one negotiation's inputs one at a time with its other commands. */
  private serial<T>(negotiationId: string, fn: () => Promise<T>): Promise<T> {
    return this.storage.serialize(negotiationId, fn);
  }
}

function summary(r: ReadingRecord): ReadingSummary {
  return {
    id: r.id,
    number: r.number,
    label: readingLabel(r.number),
    revisionId: r.revisionId,
    deadline: r.deadline,
    open: r.closedAt === null,
  };
}
