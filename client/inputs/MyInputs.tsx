/**
 * A delegation's (or stakeholder's) own written inputs for the reading: an answer per guiding
 * question, general comments, and comments on paragraphs, each written or edited in place
 * until the deadline. Attribution is shown as the server will stamp it.
 */
import { useId, useState } from 'react';
import { delegationByCode } from '../../shared/delegations.js';
import { messages } from '../i18n/messages.js';
import type { Negotiation } from '../negotiationsApi.js';
import { InputCard } from './InputCard.js';
import { InputEditor } from './InputEditor.js';
import { editInput, type Input, type NewInput, type Overview, submitInput } from './inputsApi.js';

/** Props of `MyInputs`. */
export interface MyInputsProps {
  negotiation: Negotiation;
  data: Overview;
  /** True while inputs may be submitted and edited. */
  open: boolean;
  onChanged(done: string): void;
}

/** The caller's inputs and the forms to add them. */
export function MyInputs({ negotiation, data, open, onChanged }: MyInputsProps) {
  const m = messages.roadmap.inputs;
  const ids = useId();
  const submitAs = data.submitAs!;
  const stakeholder = submitAs.source === 'stakeholder';
  const [as, setAs] = useState(submitAs.delegation ?? '');
  const [editing, setEditing] = useState<string | null>(null);
  const [pid, setPid] = useState('');
  const zone = data.timeZone;
  const nameOf = (code: string) => delegationByCode(code)?.name ?? code;
  const mine = data.inputs.filter(
    (i) => data.mine.includes(i.id) && (stakeholder || i.delegation?.code === as),
  );
  const find = (test: (i: Input) => boolean) => mine.find(test);
  const labelOf = (p: string | null) => data.paragraphs.find((x) => x.pid === p)?.label ?? '';

  const submit = async (input: Omit<NewInput, 'delegation'>) => {
    await submitInput(negotiation.id, {
      ...input,
      ...(stakeholder || as === submitAs.delegation ? {} : { delegation: as }),
    });
    onChanged(m.submitted);
  };
  const save = async (id: string, text: string) => {
    await editInput(negotiation.id, id, text);
    setEditing(null);
    onChanged(m.updated);
  };

  /** An existing input (with editing), the editor for a new one, or nothing once closed. */
  const slot = (
    existing: Input | undefined,
    label: string,
    create: (text: string) => Promise<void>,
    testId: string,
    topic?: string,
  ) => {
    if (existing && editing === existing.id)
      return (
        <InputEditor
          label={label}
          initialText={existing.text}
          submitLabel={m.update}
          onSubmit={(text) => save(existing.id, text)}
          onCancel={() => setEditing(null)}
          testId={`${testId}-edit`}
        />
      );
    if (existing)
      return (
        <InputCard
          negotiationId={negotiation.id}
          input={existing}
          timeZone={zone}
          topic={topic}
          onEdit={open ? () => setEditing(existing.id) : undefined}
        />
      );
    if (!open) return <p className="muted">{m.none}</p>;
    return <InputEditor label={label} submitLabel={m.submit} onSubmit={create} testId={testId} />;
  };

  return (
    <div className="my-inputs">
      <div className="attribution">
        {submitAs.options.length > 1 && (
          <div className="field">
            <label htmlFor={`${ids}-as`}>{m.onBehalf}</label>
            <select id={`${ids}-as`} value={as} onChange={(e) => setAs(e.target.value)}>
              {submitAs.options.map((code) => (
                <option key={code} value={code}>
                  {nameOf(code)}
                </option>
              ))}
            </select>
          </div>
        )}
        <p className="hint">{stakeholder ? m.asStakeholder(negotiation.me.name) : m.as(nameOf(as))}</p>
      </div>

      <section className="inputs-section" aria-labelledby={`${ids}-questions`}>
        <h2 id={`${ids}-questions`}>{m.questions}</h2>
        {data.questions.length === 0 ? (
          <p>{m.noQuestions}</p>
        ) : (
          <ol className="questions">
            {data.questions.map((q) => (
              <li key={q.id} data-testid="question">
                <p className="question-text">
                  <strong>{m.questionLabel(q.number)}.</strong> {q.text}
                </p>
                {slot(
                  find((i) => i.kind === 'answer' && i.questionId === q.id),
                  m.yourAnswer(q.number),
                  (text) => submit({ kind: 'answer', questionId: q.id, text }),
                  `answer-${q.number}`,
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="inputs-section" aria-labelledby={`${ids}-general`}>
        <h2 id={`${ids}-general`}>{m.general}</h2>
        {slot(
          find((i) => i.kind === 'general'),
          m.yourGeneral,
          (text) => submit({ kind: 'general', text }),
          'general',
        )}
      </section>

      <section className="inputs-section" aria-labelledby={`${ids}-paragraphs`}>
        <h2 id={`${ids}-paragraphs`}>{m.paragraph}</h2>
        {mine
          .filter((i) => i.kind === 'paragraph')
          .map((i) => (
            <div key={i.id}>
              {slot(i, m.yourComment(labelOf(i.pid)), async () => undefined, 'paragraph', labelOf(i.pid))}
            </div>
          ))}
        {open && (
          <InputEditor
            key={`paragraph-${mine.length}`}
            label={pid ? m.yourComment(labelOf(pid)) : m.text}
            context={
              pid ? <p className="excerpt">{data.paragraphs.find((p) => p.pid === pid)?.excerpt}</p> : null
            }
            submitLabel={m.submit}
            onSubmit={(text) => submit({ kind: 'paragraph', pid, text })}
            check={() => (pid ? null : m.choosePrompt)}
            testId="paragraph-comment"
          >
            <div className="field">
              <label htmlFor={`${ids}-pid`}>{m.paragraphSelect}</label>
              <select id={`${ids}-pid`} value={pid} onChange={(e) => setPid(e.target.value)}>
                <option value="">{m.choose}</option>
                {data.paragraphs.map((p) => (
                  <option key={p.pid} value={p.pid}>
                    {p.label} — {p.excerpt.slice(0, 70)}
                  </option>
                ))}
              </select>
            </div>
          </InputEditor>
        )}
      </section>
    </div>
  );
}
