/**
 * `/n/:id/roadmap`: the consultation roadmap as a list or a month calendar, with times in the
 * negotiation's zone and the reader's, calendar export and subscription, and for the
 * co-facilitators the means to add, change and delete entries. It follows others' changes
 * without a reload (`useRoadmapChanges`).
 */
import { useId, useState } from 'react';
import { ApiError } from '../api.js';
import { ErrorNotice } from '../ErrorNotice.js';
import { errorMessage, messages } from '../i18n/messages.js';
import { NegotiationFrame } from '../NegotiationHeader.js';
import type { Negotiation } from '../negotiationsApi.js';
import type { Me } from '../session/sessionApi.js';
import { useRequest } from '../useRequest.js';
import { CalendarLinks } from './CalendarLinks.js';
import { EntryForm } from './EntryForm.js';
import { MonthCalendar } from './MonthCalendar.js';
import { RoadmapList } from './RoadmapList.js';
import { deleteEntry, fetchRoadmap, type RoadmapItem } from './roadmapApi.js';
import { roadmapRows } from './rows.js';
import { useRoadmapChanges } from './useRoadmapChanges.js';
import { readerTimeZone, zoneCity } from './zonedTime.js';
import './roadmap.css';

/** Props of `RoadmapPage`. */
export interface RoadmapPageProps {
  id: string;
  me: Me;
}

/** The roadmap page of a negotiation. */
export function RoadmapPage({ id, me }: RoadmapPageProps) {
  return (
    <NegotiationFrame id={id} me={me} current="roadmap" heading={messages.roadmap.page.heading}>
      {(negotiation) => <Roadmap negotiation={negotiation} />}
    </NegotiationFrame>
  );
}

type Editing = { entry: RoadmapItem | null } | null;

function Roadmap({ negotiation }: { negotiation: Negotiation }) {
  const m = messages.roadmap.page;
  const ids = useId();
  const [version, setVersion] = useState(0);
  const [request, retry, reload] = useRequest(
    (signal) => fetchRoadmap(negotiation.id, signal),
    `${negotiation.id}:${version}`,
  );
  useRoadmapChanges(negotiation.id, reload);
  const [view, setView] = useState<'list' | 'month'>('list');
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const facilitator = negotiation.me.role === 'facilitator';
  const reader = readerTimeZone();
  const zone = negotiation.timeZone;

  if (request.status === 'loading' && version === 0) return <p aria-busy="true">{m.loading}</p>;
  if (request.status === 'failed') return <ErrorNotice error={request.error} onRetry={retry} />;
  if (request.status !== 'done') return <p aria-busy="true">{m.loading}</p>;
  const data = request.value;
  const rows = roadmapRows(data);

  const remove = async (entry: RoadmapItem) => {
    if (!window.confirm(m.confirmRemove(entry.title))) return;
    try {
      await deleteEntry(negotiation.id, entry.id);
      setNotice({ text: m.removed, error: false });
      setVersion((v) => v + 1);
    } catch (error) {
      setNotice({ text: errorMessage(error instanceof ApiError ? error.code : 'INTERNAL'), error: true });
    }
  };

  return (
    <div className="roadmap">
      <p className="roadmap-zones">
        {m.zones(zoneCity(zone), zone)} {reader === zone ? m.sameZone : m.yourZone(reader)}
      </p>
      <div className="roadmap-toolbar">
        <fieldset className="view-switch">
          <legend className="visually-hidden">{m.views}</legend>
          {(['list', 'month'] as const).map((v) => (
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
        {facilitator && !editing && (
          <button type="button" className="primary" onClick={() => setEditing({ entry: null })}>
            {m.add}
          </button>
        )}
      </div>
      <p className="status-message" role="status">
        {notice && !notice.error ? notice.text : ''}
      </p>
      {notice?.error && (
        <div className="notice error" role="alert">
          <p>{notice.text}</p>
        </div>
      )}
      {editing && (
        <EntryForm
          negotiationId={negotiation.id}
          timeZone={zone}
          entry={editing.entry}
          deadlines={data.entries.filter((e) => e.kind === 'deadline')}
          onDone={(saved) => {
            setEditing(null);
            if (saved) {
              setNotice({ text: m.saved, error: false });
              setVersion((v) => v + 1);
            }
          }}
        />
      )}
      {rows.length === 0 ? (
        <p>{m.empty}</p>
      ) : view === 'list' ? (
        <RoadmapList
          rows={rows}
          timeZone={zone}
          readerTimeZone={reader}
          onEdit={facilitator ? (entry) => setEditing({ entry }) : undefined}
          onRemove={facilitator ? (entry) => void remove(entry) : undefined}
        />
      ) : (
        <MonthCalendar rows={rows} timeZone={zone} />
      )}
      <CalendarLinks negotiationId={negotiation.id} />
    </div>
  );
}
