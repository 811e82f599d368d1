/** The pages of revisions and readings: picks the page for a `ReadingRoute`. */
import type { Me } from '../session/sessionApi.js';
import { ComparePage } from './ComparePage.js';
import { ImportPage } from './ImportPage.js';
import { PrintPage } from './PrintPage.js';
import type { ReadingRoute } from './routes.js';
import { SnapshotPage } from './SnapshotPage.js';
import { TimelinePage } from './TimelinePage.js';

/** Props of `ReadingsPage`. */
export interface ReadingsPageProps {
  route: ReadingRoute;
  me: Me;
}

/** The page of `route`, keyed so that another negotiation or snapshot starts afresh. */
export function ReadingsPage({ route, me }: ReadingsPageProps) {
  switch (route.page) {
    case 'timeline':
      return <TimelinePage key={route.id} id={route.id} me={me} />;
    case 'compare':
      return <ComparePage key={route.id} id={route.id} me={me} />;
    case 'import':
      return <ImportPage key={route.id} id={route.id} me={me} />;
    case 'snapshot':
      return (
        <SnapshotPage
          key={`${route.id}/${route.snapshotId}`}
          id={route.id}
          snapshotId={route.snapshotId}
          me={me}
        />
      );
    case 'print':
      return (
        <PrintPage key={`${route.id}/${route.snapshotId}`} id={route.id} snapshotId={route.snapshotId} />
      );
  }
}
