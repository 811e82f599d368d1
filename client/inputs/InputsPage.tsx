/**
 * `/n/:id/inputs`: the guiding questions and written inputs of the open (or latest) reading, or
 * of the one chosen (`?reading=<id>`, so that a link or a reload shows it again).
 * Delegations and stakeholders write and edit theirs until the deadline; co-facilitators post
 * questions, decide who sees stakeholders' inputs, move the deadline and read the compilation.
 */
import { useState } from 'react';
import { countdown } from '../../shared/time.js';
import { ErrorNotice } from '../ErrorNotice.js';
import { messages } from '../i18n/messages.js';
import { NegotiationFrame } from '../NegotiationHeader.js';
import type { Negotiation } from '../negotiationsApi.js';
import { useQuery } from '../readings/useQuery.js';
import { useNow } from '../roadmap/useNow.js';
import { formatInstant, readerTimeZone } from '../roadmap/zonedTime.js';
import type { Me } from '../session/sessionApi.js';
import { useRequest } from '../useRequest.js';
import { FacilitatorTools } from './FacilitatorTools.js';
import { InputCard } from './InputCard.js';
import { InputsCompilation } from './InputsCompilation.js';
import { fetchOverview, type Reading } from './inputsApi.js';
import { MyInputs } from './MyInputs.js';
import { ReadingPicker } from './ReadingPicker.js';
import './inputs.css';

/** Props of `InputsPage`. */
export interface InputsPageProps {
  id: string;
  me: Me;
}

/** The written-inputs page of a negotiation. */
export function InputsPage({ id, me }: InputsPageProps) {
  return (
    <NegotiationFrame id={id} me={me} current="inputs" heading={messages.roadmap.inputs.heading}>
      {(negotiation) => <Inputs negotiation={negotiation} />}
    </NegotiationFrame>
  );
}

function Inputs({ negotiation }: { negotiation: Negotiation }) {
  const m = messages.roadmap.inputs;
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState('');
  const [query, setQuery] = useQuery();
  const chosen = query.get('reading');
  const [request, retry] = useRequest(
    (signal) => fetchOverview(negotiation.id, chosen, signal),
    `${negotiation.id}:${chosen ?? ''}:${version}`,
  );
  const now = useNow(1000);
  // While a refresh loads, keep showing the last answer, so that open editors keep their text
  // (but not another reading's).
  const [last, setLast] = useState(request.status === 'done' ? request.value : null);
  if (request.status === 'done' && request.value !== last) setLast(request.value);
  const data =
    request.status === 'done'
      ? request.value
      : last && (chosen === null || last.reading?.id === chosen)
        ? last
        : null;
  const refresh = (done: string) => {
    setStatus(done);
    setVersion((v) => v + 1);
  };

  if (request.status === 'failed') return <ErrorNotice error={request.error} onRetry={retry} />;
  if (!data) return <p aria-busy="true">{m.loading}</p>;
  const facilitator = negotiation.me.role === 'facilitator';
  const zone = data.timeZone;
  const reading = data.reading;
  const open = reading?.open === true && Date.parse(reading.deadline) > now;
  const published = data.inputs.filter((i) => i.source === 'stakeholder' && !data.mine.includes(i.id));

  return (
    <div className="inputs-page">
      {reading && (
        <ReadingPicker
          negotiationId={negotiation.id}
          readingId={reading.id}
          onChoose={(id) => {
            setStatus('');
            setQuery({ reading: id });
          }}
        />
      )}
      {reading ? <ReadingBanner reading={reading} timeZone={zone} now={now} /> : <p>{m.noReading}</p>}
      <p className="status-message" role="status">
        {status}
      </p>
      {reading && facilitator && (
        <FacilitatorTools
          negotiationId={negotiation.id}
          reading={reading}
          timeZone={zone}
          stakeholderInputsVisible={data.stakeholderInputsVisible}
          onChanged={refresh}
        />
      )}
      {reading && data.submitAs && (
        <MyInputs negotiation={negotiation} data={data} open={open} onChanged={refresh} />
      )}
      {reading && facilitator && <p className="hint">{m.asFacilitator}</p>}
      {!facilitator && published.length > 0 && (
        <section className="inputs-section" aria-labelledby="published-stakeholders">
          <h2 id="published-stakeholders">{m.stakeholders}</h2>
          <p className="hint">{m.stakeholdersHint}</p>
          {published.map((input) => (
            <InputCard key={input.id} negotiationId={negotiation.id} input={input} timeZone={zone} />
          ))}
        </section>
      )}
      {reading && facilitator && (
        <InputsCompilation negotiationId={negotiation.id} readingId={reading.id} version={version} />
      )}
    </div>
  );
}

function ReadingBanner({ reading, timeZone, now }: { reading: Reading; timeZone: string; now: number }) {
  const m = messages.roadmap.inputs;
  const reader = readerTimeZone();
  const left = countdown(now, Date.parse(reading.deadline));
  return (
    <div
      className={`reading-banner ${reading.open && !left.past ? 'open' : 'shut'}`}
      data-testid="reading-banner"
    >
      <h2>{messages.roadmap.reading(reading.number)}</h2>
      <p>
        {m.due} <time dateTime={reading.deadline}>{formatInstant(reading.deadline, timeZone)}</time>
        {reader !== timeZone && (
          <span className="muted">
            {' '}
            ({messages.roadmap.nextUp.yourTime(formatInstant(reading.deadline, reader))})
          </span>
        )}
        {reading.open && !left.past && (
          <>
            {' '}
            <span className="countdown" role="timer" aria-live="off">
              {messages.roadmap.nextUp.countdown(left)}
            </span>
          </>
        )}
      </p>
      {!reading.open && <p>{m.closed}</p>}
      {reading.open && left.past && <p>{m.passed}</p>}
    </div>
  );
}
