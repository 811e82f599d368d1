/** Closing a reading through the real API, deciding every proposal still open in it the same way. */
import type { Disposition } from '../../shared/proposals.js';
import { api } from './auth.js';

/**
 * Closes reading `readingId` of negotiation `negotiationId` as the co-facilitator whose cookie
 * is given, with `disposition` for each proposal still open; returns the close answer.
 */
export async function closeReadingWithAll(
  baseUrl: string,
  cookie: string,
  negotiationId: string,
  readingId: string,
  disposition: Disposition,
) {
  const path = `/api/negotiations/${negotiationId}/readings/${readingId}`;
  const open = await api<{ proposals: { id: string }[] }>(baseUrl, 'GET', `${path}/undecided`, { cookie });
  if (open.status !== 200) throw new Error(`undecided: ${open.status} ${JSON.stringify(open.body)}`);
  return api<{ snapshot: { id: string; hash: string }; error?: { code: string } }>(
    baseUrl,
    'POST',
    `${path}/close`,
    {
      cookie,
      body: { dispositions: open.body.proposals.map((p) => ({ proposalId: p.id, disposition })) },
    },
  );
}
