/** What anyone without a session sees, on any page: how signing in works here. */
import { AppHeader } from '../AppHeader.js';
import { messages } from '../i18n/messages.js';
import { PageHeading } from '../PageHeading.js';
import { useDocumentTitle } from '../useDocumentTitle.js';
import type { SignedOutReason } from './session.js';

/** Props of `SignedOutPage`. */
export interface SignedOutPageProps {
  reason: SignedOutReason;
}

/** "You are not signed in" (or "signed out", or "session ended") with the way back in. */
export function SignedOutPage({ reason }: SignedOutPageProps) {
  const words = messages.signedOut[reason];
  useDocumentTitle(words.title);
  return (
    <>
      <AppHeader />
      <main className="page narrow" data-testid="signed-out" data-reason={reason}>
        <PageHeading>{words.title}</PageHeading>
        <p>{words.text}</p>
        <p className="hint">{messages.signedOut.askForLink}</p>
      </main>
    </>
  );
}
