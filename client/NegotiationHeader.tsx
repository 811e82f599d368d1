/**
 * The header of a negotiation's pages: its title, the signed-in person's part in it, and for
 * co-facilitators and administrators the navigation between the text, participants and audit log.
 */
import type { ReactNode } from 'react';
import { AppHeader } from './AppHeader.js';
import { ErrorNotice } from './ErrorNotice.js';
import { messages } from './i18n/messages.js';
import { Link } from './Link.js';
import { canManage, fetchNegotiation, type Negotiation } from './negotiationsApi.js';
import { PageHeading } from './PageHeading.js';
import { auditPath, negotiationPath, participantsPath } from './routing.js';
import { accountFor } from './session/account.js';
import type { Me } from './session/sessionApi.js';
import { useDocumentTitle } from './useDocumentTitle.js';
import { useRequest } from './useRequest.js';

/** The pages of a negotiation. */
export type NegotiationSection = 'text' | 'participants' | 'audit';

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

const SECTIONS: readonly { section: NegotiationSection; path: (id: string) => string }[] = [
  { section: 'text', path: negotiationPath },
  { section: 'participants', path: participantsPath },
  { section: 'audit', path: auditPath },
];

/** The negotiation's banner. */
export function NegotiationHeader({
  me,
  negotiation,
  current,
  titleIsHeading = false,
  children,
  className,
}: NegotiationHeaderProps) {
  const title = titleIsHeading ? (
    <PageHeading className="negotiation-title">{negotiation.title}</PageHeading>
  ) : (
    <Link href={negotiationPath(negotiation.id)} className="negotiation-title">
      {negotiation.title}
    </Link>
  );
  return (
    <AppHeader account={accountFor(me, negotiation)} title={title} className={className}>
      {canManage(negotiation.me) && (
        <nav className="negotiation-nav" aria-label={messages.header.negotiationNav}>
          <ul>
            {SECTIONS.map(({ section, path }) => (
              <li key={section}>
                <Link href={path(negotiation.id)} aria-current={section === current ? 'page' : undefined}>
                  {messages.header[section]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {children}
    </AppHeader>
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
  children: (negotiation: Negotiation) => ReactNode;
}

/** A page of a negotiation other than its text: loads it, shows its header, heading and content. */
export function NegotiationFrame({ id, me, current, heading, children }: NegotiationFrameProps) {
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
        {request.status === 'loading' && <p aria-busy="true">{messages.negotiation.loading}</p>}
        {request.status === 'failed' && <ErrorNotice error={request.error} onRetry={retry} />}
        {request.status === 'done' && children(request.value)}
      </main>
    </>
  );
}
