/**
 * The header of a negotiation's pages: its title, the signed-in person's part in it, the
 * navigation between the text, its timeline and comparison, the roadmap and written inputs
 * (and for co-facilitators and administrators participants and audit log), where the
 * negotiation stands and what comes next (live, from the proposals document), the
 * notifications, and a warning whenever the negotiation's records cannot be trusted.
 */
import type { ReactNode } from 'react';
import { AppHeader } from './AppHeader.js';
import { useAccessAlerts } from './access/useAccessAlerts.js';
import './access/access.css';
import { formatLocalDateTime } from './dateTime.js';
import { ErrorNotice } from './ErrorNotice.js';
import { messages } from './i18n/messages.js';
import { Link } from './Link.js';
import { canInvite, canManage, fetchNegotiation, type Negotiation, takesPart } from './negotiationsApi.js';
import { NotificationCenter } from './notifications/NotificationCenter.js';
import { PageHeading } from './PageHeading.js';
import { useBoard } from './proposals/useBoard.js';
import { RecordsWarning } from './readings/RecordsWarning.js';
import { comparePath, timelinePath } from './readings/routes.js';
import { NextUp } from './roadmap/NextUp.js';
import {
  accessPath,
  amendmentImportPath,
  auditPath,
  inputsPath,
  myProposalsPath,
  negotiationPath,
  participantsPath,
  roadmapPath,
} from './routing.js';
import { accountFor } from './session/account.js';
import type { Me } from './session/sessionApi.js';
import { useDocumentTitle } from './useDocumentTitle.js';
import { useRequest } from './useRequest.js';

/** The pages of a negotiation. */
export type NegotiationSection =
  | 'text'
  | 'timeline'
  | 'compare'
  | 'roadmap'
  | 'inputs'
  | 'amendments'
  | 'mine'
  | 'participants'
  | 'audit'
  | 'access';

/** Props of `NegotiationHeader`. */
export interface NegotiationHeaderProps {
  me: Me;
  negotiation: Negotiation;
  current: NegotiationSection;
  /** True on the text page, where the title is the page's main heading. */
  titleIsHeading?: boolean;
  /** Rows below the navigation (the text page's status bar). */
  children?: ReactNode;
  className?: string;
}

/** Who sees a section in the navigation: participants (default), co-facilitators, those who invite. */
type Audience = (me: Negotiation['me']) => boolean;

const SECTIONS: readonly { section: NegotiationSection; path: (id: string) => string; shown?: Audience }[] = [
  { section: 'text', path: negotiationPath },
  { section: 'timeline', path: timelinePath },
  { section: 'compare', path: (id) => comparePath(id) },
  { section: 'roadmap', path: roadmapPath },
  { section: 'inputs', path: inputsPath },
  { section: 'mine', path: myProposalsPath, shown: (me) => me.role === 'delegate' },
  { section: 'amendments', path: amendmentImportPath, shown: (me) => me.role === 'delegate' },
  { section: 'access', path: accessPath },
  { section: 'participants', path: participantsPath, shown: canInvite },
  { section: 'audit', path: auditPath, shown: canManage },
];

const sectionLabel = (section: NegotiationSection): string =>
  section === 'access'
    ? messages.access.nav
    : section === 'mine'
      ? messages.myProposals.nav
      : section === 'amendments'
        ? messages.amendments.nav
        : section === 'roadmap' || section === 'inputs'
          ? messages.roadmap.nav[section]
          : section === 'timeline' || section === 'compare'
            ? messages.readings.nav[section]
            : messages.header[section];

/** The negotiation's banner. */
export function NegotiationHeader({
  me,
  negotiation,
  current,
  titleIsHeading = false,
  children,
  className,
}: NegotiationHeaderProps) {
  const alerts = useAccessAlerts(negotiation.id, negotiation.me.personId, takesPart(negotiation.me));
  const title = titleIsHeading ? (
    <PageHeading className="negotiation-title">{negotiation.title}</PageHeading>
  ) : (
    <Link href={negotiationPath(negotiation.id)} className="negotiation-title">
      {negotiation.title}
    </Link>
  );
  return (
    <AppHeader account={accountFor(me, negotiation)} title={title} className={className}>
      <nav className="negotiation-nav" aria-label={messages.header.negotiationNav}>
        <ul>
          {SECTIONS.filter((s) => (s.shown ?? takesPart)(negotiation.me)).map(({ section, path }) => (
            <li key={section}>
              <Link href={path(negotiation.id)} aria-current={section === current ? 'page' : undefined}>
                {sectionLabel(section)}
                {section === 'access' && alerts.length > 0 && (
                  <>
                    {' '}
                    <span className="nav-badge" data-testid="access-badge">
                      {messages.access.badge(alerts.length)}
                    </span>
                  </>
                )}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div role="status" className="status-message access-alert-region">
        {alerts.length > 0 && current !== 'access' && (
          <p className="notice access-alert" data-testid="access-alert">
            {alerts.length === 1
              ? messages.access.newLink(
                  alerts[0]!.person,
                  alerts[0]!.createdBy,
                  formatLocalDateTime(alerts[0]!.createdAt),
                )
              : messages.access.newLinks(alerts.length)}{' '}
            <Link href={accessPath(negotiation.id)}>{messages.access.review}</Link>
          </p>
        )}
      </div>
      {takesPart(negotiation.me) && <LiveLine negotiation={negotiation} />}
      {children}
      {takesPart(negotiation.me) && <RecordsWarning negotiationId={negotiation.id} />}
    </AppHeader>
  );
}

/**
 * What comes next and the notifications, from the live proposals board: only for participants
 * (an administrator who takes no part may not open it).
 */
function LiveLine({ negotiation }: { negotiation: Negotiation }) {
  const board = useBoard(negotiation.id);
  const viewer = { role: negotiation.me.role ?? 'observer', delegation: negotiation.me.delegation };
  return (
    <div className="negotiation-live">
      <NextUp negotiationId={negotiation.id} timeZone={negotiation.timeZone} live={board.negotiation} />
      <NotificationCenter
        negotiationId={negotiation.id}
        timeZone={negotiation.timeZone}
        viewer={viewer}
        personId={negotiation.me.personId}
      />
    </div>
  );
}

/** Props of `NegotiationFrame`. */
export interface NegotiationFrameProps {
  id: string;
  me: Me;
  current: Exclude<NegotiationSection, 'text'>;
  /** The page's heading, shown while the negotiation loads too. */
  heading: string;
  /** The page's content once the negotiation is known. */
  children?: (negotiation: Negotiation) => ReactNode;
  /**
   * Content that needs only the negotiation's id, shown at once instead of after the
   * negotiation has loaded (and not at all if it fails to): for a page whose own data is slow.
   */
  eager?: ReactNode;
}

/** A page of a negotiation other than its text: loads it, shows its header, heading and content. */
export function NegotiationFrame({ id, me, current, heading, children, eager }: NegotiationFrameProps) {
  const [request, retry] = useRequest((signal) => fetchNegotiation(id, signal), id);
  useDocumentTitle(request.status === 'done' ? `${heading} — ${request.value.title}` : heading);
  return (
    <>
      {request.status === 'done' ? (
        <NegotiationHeader me={me} negotiation={request.value} current={current} />
      ) : (
        <AppHeader account={accountFor(me)} />
      )}
      <main className="page wide">
        <PageHeading>{heading}</PageHeading>
        {request.status === 'loading' && !eager && <p aria-busy="true">{messages.negotiation.loading}</p>}
        {request.status === 'failed' && <ErrorNotice error={request.error} onRetry={retry} />}
        {request.status !== 'failed' && eager}
        {request.status === 'done' && children?.(request.value)}
      </main>
    </>
  );
}
