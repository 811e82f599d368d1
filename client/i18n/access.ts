/**
 * The words of a delegation's sign-ins page and its alerts, in English. Part of `messages`.
 */
export const accessMessages = {
  nav: 'Sign-ins',
  heading: 'Sign-in links and sessions',
  loading: 'Loading sign-ins…',
  intro: (who: string): string =>
    `Everyone who can sign in for ${who}: every sign-in link issued for them, by whom and when, and every open session. If you do not recognise a link or a session, revoke it or end it here and tell the co-facilitators.`,
  yourself: 'yourself',
  caption: (n: number): string => `Your people (${n})`,
  issuedBy: (who: string, when: string): string => `issued by ${who}, ${when}`,
  issuedBySystem: (when: string): string => `issued ${when}`,
  thisBrowser: 'this browser',
  newLinks: (n: number): string =>
    n === 1
      ? 'A new sign-in link was issued for your people.'
      : `${n} new sign-in links were issued for your people.`,
  newLink: (person: string, by: string | null, when: string): string =>
    by
      ? `${by} issued a sign-in link for ${person} on ${when}.`
      : `A sign-in link for ${person} was issued on ${when}.`,
  review: 'Review sign-ins',
  badge: (n: number): string => `${n} new`,
} as const;
