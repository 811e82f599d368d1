/**
 * The compilation of written inputs as a Word document (.docx, with the `docx` package):
 * answers by guiding question, general comments, comments by paragraph, everything again by
 * delegation, and stakeholders' inputs in a section of their own.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { GuidingQuestion, InputCompilation, InputView } from '../../shared/inputs.js';
import { writableDeep } from '../../shared/textValidation.js';
import { zonedParts } from '../../shared/time.js';

/** What the document is about. */
export interface CompilationDocxInput {
  negotiationTitle: string;
  readingLabel: string;
  deadline: string;
  timeZone: string;
  compiledAt: Date;
  compilation: InputCompilation;
}

/** "1 input", "2 inputs": a count with the noun in its English singular or plural. */
function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The compilation as .docx bytes. */
export async function compilationDocx(given: CompilationDocxInput): Promise<Buffer> {
  // Records stored before text was checked may hold characters XML cannot: `writable` leaves them out.
  const input = writableDeep(given);
  const { compilation: c, timeZone } = input;
  const when = (iso: string) => {
    const p = zonedParts(iso, timeZone);
    return `${p.date}, ${p.time} ${p.zone}`;
  };
  const questionLabel = new Map(
    c.questions.map(({ question }) => [question.id, `Question ${question.number}`]),
  );
  const paragraphLabel = new Map(c.paragraphs.map(({ paragraph }) => [paragraph.pid, paragraph.label]));
  const topic = (i: InputView) =>
    i.kind === 'general'
      ? 'General comments'
      : i.kind === 'answer'
        ? `Answer to ${questionLabel.get(i.questionId ?? '') ?? 'a question'}`
        : `On ${paragraphLabel.get(i.pid ?? '') ?? 'a paragraph'}`;
  const by = (i: InputView) => {
    if (i.source === 'stakeholder') return `${i.personName} (stakeholder)`;
    const name = i.delegation?.name ?? '';
    return i.tabledBy ? `${name} (submitted by ${i.tabledBy.name})` : name;
  };
  const entry = (label: string, i: InputView): Paragraph[] => [
    new Paragraph({
      spacing: { before: 160 },
      children: [
        new TextRun({ text: label, bold: true }),
        new TextRun({
          text: ` — ${when(i.updatedAt)}${i.version > 1 ? ` (version ${i.version})` : ''}`,
          italics: true,
        }),
      ],
    }),
    ...i.text.split(/\n+/).map((line) => new Paragraph({ children: [new TextRun(line)] })),
  ];
  const none = () => [new Paragraph({ children: [new TextRun({ text: 'No inputs.', italics: true })] })];
  const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({ text, heading: level, spacing: { before: 240 } });
  const question = (q: GuidingQuestion) => heading(`Question ${q.number}: ${q.text}`, HeadingLevel.HEADING_2);

  const children: Paragraph[] = [
    new Paragraph({
      text: input.negotiationTitle,
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: `Compilation of written inputs — ${input.readingLabel}`, bold: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new TextRun(
          `Deadline ${when(input.deadline)}. Compiled ${when(input.compiledAt.toISOString())}. ` +
            `${counted(c.counts.memberStates, 'input', 'inputs')} from ${counted(c.counts.delegations, 'delegation', 'delegations')}; ` +
            `${counted(c.counts.stakeholders, 'stakeholder input', 'stakeholder inputs')}.`,
        ),
      ],
    }),
    heading('By guiding question', HeadingLevel.HEADING_1),
    ...c.questions.flatMap(({ question: q, inputs }) => [
      question(q),
      ...(inputs.length ? inputs.flatMap((i) => entry(by(i), i)) : none()),
    ]),
    heading('General comments', HeadingLevel.HEADING_1),
    ...(c.general.length ? c.general.flatMap((i) => entry(by(i), i)) : none()),
    heading('By paragraph', HeadingLevel.HEADING_1),
    ...(c.paragraphs.length
      ? c.paragraphs.flatMap(({ paragraph, inputs }) => [
          heading(paragraph.label, HeadingLevel.HEADING_2),
          ...(paragraph.excerpt
            ? [new Paragraph({ children: [new TextRun({ text: paragraph.excerpt, italics: true })] })]
            : []),
          ...inputs.flatMap((i) => entry(by(i), i)),
        ])
      : none()),
    heading('By delegation', HeadingLevel.HEADING_1),
    ...(c.delegations.length
      ? c.delegations.flatMap(({ delegation, inputs }) => [
          heading(delegation.name, HeadingLevel.HEADING_2),
          ...inputs.flatMap((i) => entry(topic(i), i)),
        ])
      : none()),
    heading('Stakeholder inputs', HeadingLevel.HEADING_1),
    new Paragraph({
      children: [
        new TextRun({
          text: 'Inputs from stakeholders, kept apart from those of Member States.',
          italics: true,
        }),
      ],
    }),
    ...(c.stakeholders.length ? c.stakeholders.flatMap((i) => entry(`${by(i)} — ${topic(i)}`, i)) : none()),
  ];
  const doc = new Document({
    creator: 'Negotiated texts',
    title: `${input.negotiationTitle} — written inputs`,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 24 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
