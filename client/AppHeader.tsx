/**
 * The banner at the top of every page: the app's name (a link home), what the page is about,
 * and who is signed in. Pages of a negotiation add their navigation and status below.
 */
import type { ReactNode } from 'react';
import { messages } from './i18n/messages.js';
import { Link } from './Link.js';
import { AccountControl } from './session/AccountControl.js';
import type { Account } from './session/account.js';

/** Props of `AppHeader`. */
export interface AppHeaderProps {
  /** The signed-in person; none on the pages shown without a session. */
  account?: Account | undefined;
  /** What the page belongs to, e.g. the negotiation's title, next to the app's name. */
  title?: ReactNode;
  /** Rows below: navigation, status. */
  children?: ReactNode;
  /** Extra class, e.g. for the workspace's fixed header. */
  className?: string;
}

/** The page banner. */
export function AppHeader({ account, title, children, className }: AppHeaderProps) {
  return (
    <header className={className ? `app-header ${className}` : 'app-header'}>
      <div className="header-top">
        <Link href="/" className="brand" title={messages.header.home}>
          <span className="brand-mark" aria-hidden="true" />
          {messages.appName}
        </Link>
        {title && <div className="header-title">{title}</div>}
        {account && <AccountControl account={account} />}
      </div>
      {children}
    </header>
  );
}
