/**
 * `/n/:id/print/:snapshotId?mode=clean|compilation`: the text alone, set for paper (A4, serif,
 * paragraph numbers in the margin), with a Print button that the printout leaves out, and at
 * its end the record's hash and the signed head of the chain of records.
 */
import { ErrorNotice } from '../ErrorNotice.js';
import { messages } from '../i18n/messages.js';
import { Link } from '../Link.js';
import { fetchNegotiation } from '../negotiationsApi.js';
import { useDocumentTitle } from '../useDocumentTitle.js';
import { useRequest } from '../useRequest.js';
import { ChainStamp } from './ChainStamp.js';
import { ModeToggle } from './ModeToggle.js';
import './print.css';
import { fetchSnapshot } from './readingsApi.js';
import { modeOf, snapshotPath, type TextMode } from './routes.js';
import { SnapshotText } from './SnapshotText.js';
import { useLiveContext } from './useLiveContext.js';
import { useQuery } from './useQuery.js';
import { formatInZone } from './zonedTime.js';

/** Props of `PrintPage`. */
export interface PrintPageProps {
  id: string;
  snapshotId: string;
}

/** The print view. */
export function PrintPage({ id, snapshotId }: PrintPageProps) {
  const m = messages.readings;
  const [query, setQuery] = useQuery();
  const mode = modeOf(`?${query}`);
  const [request, retry] = useRequest(
    (signal) => Promise.all([fetchSnapshot(id, snapshotId, signal), fetchNegotiation(id, signal)]),
    `${id}/${snapshotId}`,
  );
  const live = useLiveContext(id, snapshotId);
  const done = request.status === 'done' ? request.value : null;
  useDocumentTitle(done ? `${done[0].snapshot.label} — ${done[1].title}` : null);
  const back = snapshotPath(id, snapshotId, mode);
  return (
    <div className="print-page">
      <div className="print-toolbar">
        <Link href={back}>{m.print.back}</Link>
        <ModeToggle mode={mode} onChange={(next: TextMode) => setQuery({ mode: next })} />
        <button type="button" className="primary" onClick={() => window.print()} disabled={!done}>
          {m.print.print}
        </button>
        <span className="hint">{m.print.hint}</span>
      </div>
      <main className="print-sheet" aria-busy={request.status === 'loading'}>
        {request.status === 'loading' && <p>{m.snapshot.loading}</p>}
        {request.status === 'failed' && <ErrorNotice error={request.error} onRetry={retry} />}
        {done && (
          <>
            <h1 className="print-meta">
              {done[0].snapshot.label} · {formatInZone(done[0].snapshot.takenAt, done[1].timeZone)}
            </h1>
            <SnapshotText snapshot={done[0].snapshot} mode={mode} live={live} className="printable" />
            <ChainStamp chain={done[0].chain} hash={done[0].hash} />
          </>
        )}
      </main>
    </div>
  );
}
