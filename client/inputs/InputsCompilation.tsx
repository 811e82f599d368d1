/** The co-facilitators' compilation of the reading's inputs: by question, paragraph, delegation, and stakeholders apart. */
import { useId, useState } from 'react';
import { ErrorNotice } from '../ErrorNotice.js';
import { messages } from '../i18n/messages.js';
import { useRequest } from '../useRequest.js';
import { InputCard } from './InputCard.js';
import { compilationDocxPath, fetchCompilation, type Input } from './inputsApi.js';

const VIEWS = ['byQuestion', 'byParagraph', 'byDelegation', 'stakeholders'] as const;
type View = (typeof VIEWS)[number];

/** Props of `InputsCompilation`. */
export interface InputsCompilationProps {
  negotiationId: string;
  /** The reading whose inputs are compiled. */
  readingId: string;
  /** Changes when inputs may have changed. */
  version: number;
}

/** The compilation. */
export function InputsCompilation({ negotiationId, readingId, version }: InputsCompilationProps) {
  const m = messages.roadmap.compilation;
  const ids = useId();
  const [view, setView] = useState<View>('byQuestion');
  const [request, retry] = useRequest(
    (signal) => fetchCompilation(negotiationId, readingId, signal),
    `${negotiationId}:${readingId}:${version}`,
  );

  const body = () => {
    if (request.status === 'loading') return <p aria-busy="true">{messages.roadmap.inputs.loading}</p>;
    if (request.status === 'failed') return <ErrorNotice error={request.error} onRetry={retry} />;
    const { compilation: c, timeZone } = request.value;
    const questionNumber = new Map(c.questions.map(({ question }) => [question.id, question.number]));
    const paragraphLabel = new Map(c.paragraphs.map(({ paragraph }) => [paragraph.pid, paragraph.label]));
    const topic = (i: Input) =>
      i.kind === 'general'
        ? m.general
        : i.kind === 'answer'
          ? m.answerTo(questionNumber.get(i.questionId ?? '') ?? 0)
          : m.on(paragraphLabel.get(i.pid ?? '') ?? '');
    const cards = (inputs: readonly Input[], withTopic: boolean) =>
      inputs.length === 0 ? (
        <p className="muted">{m.none}</p>
      ) : (
        inputs.map((input) => (
          <InputCard
            key={input.id}
            negotiationId={negotiationId}
            input={input}
            timeZone={timeZone}
            topic={withTopic ? topic(input) : undefined}
          />
        ))
      );
    const groups = (
      list: { key: string; title: string; note?: string; inputs: readonly Input[] }[],
      withTopic: boolean,
    ) =>
      list.map((g) => (
        <section key={g.key} className="compilation-group">
          <h3>{g.title}</h3>
          {g.note && <p className="excerpt">{g.note}</p>}
          {cards(g.inputs, withTopic)}
        </section>
      ));
    return (
      <>
        <p>{m.summary(c.counts.memberStates, c.counts.delegations, c.counts.stakeholders)}</p>
        <div className="compilation-view" data-testid={`compilation-${view}`}>
          {view === 'byQuestion' &&
            groups(
              [
                ...c.questions.map(({ question, inputs }) => ({
                  key: question.id,
                  title: `${messages.roadmap.inputs.questionLabel(question.number)}. ${question.text}`,
                  inputs,
                })),
                { key: 'general', title: m.general, inputs: c.general },
              ],
              false,
            )}
          {view === 'byParagraph' &&
            (c.paragraphs.length === 0
              ? cards([], false)
              : groups(
                  c.paragraphs.map(({ paragraph, inputs }) => ({
                    key: paragraph.pid,
                    title: paragraph.label,
                    note: paragraph.excerpt,
                    inputs,
                  })),
                  false,
                ))}
          {view === 'byDelegation' &&
            (c.delegations.length === 0
              ? cards([], false)
              : groups(
                  c.delegations.map(({ delegation, inputs }) => ({
                    key: delegation.code,
                    title: delegation.name,
                    inputs,
                  })),
                  true,
                ))}
          {view === 'stakeholders' && cards(c.stakeholders, true)}
        </div>
      </>
    );
  };

  return (
    <section className="inputs-compilation" aria-labelledby={`${ids}-heading`}>
      <div className="compilation-head">
        <h2 id={`${ids}-heading`}>{m.heading}</h2>
        <a href={compilationDocxPath(negotiationId, readingId)} download className="button-link">
          {m.export}
        </a>
      </div>
      <fieldset className="view-switch">
        <legend className="visually-hidden">{m.views}</legend>
        {VIEWS.map((v) => (
          <label key={v} className={view === v ? 'selected' : undefined}>
            <input
              type="radio"
              name={`${ids}-view`}
              value={v}
              checked={view === v}
              onChange={() => setView(v)}
            />
            {m[v]}
          </label>
        ))}
      </fieldset>
      {body()}
    </section>
  );
}
