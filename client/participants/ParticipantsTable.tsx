/** The table of people taking part: role, delegation, open sessions and sign-in links, with their actions. */
import { formatLocalDateTime } from '../dateTime.js';
import { messages } from '../i18n/messages.js';
import { RoleBadge } from '../RoleBadge.js';
import type { Participant } from './participantsApi.js';
import { browserLabel } from './userAgent.js';

/** What the table's buttons do; the page confirms and reports. */
export interface ParticipantActions {
  /** Absent where new links cannot be issued (a delegation's own page). */
  newLink?(participant: Participant): void;
  revokeLink(participant: Participant, linkId: string, expiresAt: string): void;
  endSession(participant: Participant, sessionId: string, since: string): void;
}

/** Props of `ParticipantsTable`. */
export interface ParticipantsTableProps {
  participants: readonly Participant[];
  /** Called by the buttons; they stay enabled (and focused) while an action runs. */
  actions: ParticipantActions;
  /** The table's caption; "People taking part (n)" by default. */
  caption?: string;
}

const ROLE_ORDER = { facilitator: 0, delegate: 1, observer: 2 } as const;

/** Co-facilitators first, then delegates and observers, each by delegation and name. */
function sorted(participants: readonly Participant[]): Participant[] {
  return [...participants].sort(
    (a, b) =>
      ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
      (a.delegationName ?? '').localeCompare(b.delegationName ?? '') ||
      a.name.localeCompare(b.name),
  );
}

/** The people of a negotiation in a table. */
export function ParticipantsTable({ participants, actions, caption }: ParticipantsTableProps) {
  const m = messages.participants;
  return (
    <div className="table-scroll">
      <table className="data-table participants-table" data-testid="participants-table">
        <caption>{caption ?? m.caption(participants.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{m.columns.name}</th>
            <th scope="col">{m.columns.role}</th>
            <th scope="col">{m.columns.delegation}</th>
            <th scope="col">{m.columns.sessions}</th>
            <th scope="col">{m.columns.links}</th>
            {actions.newLink && (
              <th scope="col">
                <span className="visually-hidden">{m.columns.actions}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {sorted(participants).map((p) => (
            <tr key={p.personId} data-person={p.personId}>
              <th scope="row">{p.name}</th>
              <td>
                <RoleBadge role={p.role} />
              </td>
              <td>{p.delegationName ?? <span className="muted">{m.none}</span>}</td>
              <td>
                <span className="cell-summary" data-testid="session-count">
                  {m.sessionCount(p.sessions.length)}
                </span>
                {p.sessions.length > 0 && (
                  <ul className="cell-list">
                    {p.sessions.map((s) => {
                      const since = formatLocalDateTime(s.createdAt);
                      return (
                        <li key={s.id} data-session-current={s.current ? 'true' : undefined}>
                          <span>
                            {m.sessionSince(since, browserLabel(s.userAgent))}
                            {s.current && <strong> ({messages.access.thisBrowser})</strong>}
                          </span>
                          <button
                            type="button"
                            className="small danger-outline"
                            aria-label={m.endSessionLabel(p.name, since)}
                            onClick={() => actions.endSession(p, s.id, since)}
                          >
                            {m.endSession}
                          </button>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </td>
              <td>
                {p.links.length === 0 ? (
                  <span className="muted">{m.none}</span>
                ) : (
                  <ul className="cell-list">
                    {[...p.links]
                      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
                      .map((link) => {
                        const expires = formatLocalDateTime(link.expiresAt);
                        return (
                          <li key={link.id} data-link-state={link.state}>
                            <span className={`link-state state-${link.state}`}>
                              {m.linkStates[link.state]}
                            </span>{' '}
                            <span className="muted">{linkNote(link)}</span>
                            {link.state === 'pending' && (
                              <button
                                type="button"
                                className="small danger-outline"
                                aria-label={m.revokeLabel(p.name, expires)}
                                onClick={() => actions.revokeLink(p, link.id, expires)}
                              >
                                {m.revoke}
                              </button>
                            )}
                          </li>
                        );
                      })}
                  </ul>
                )}
              </td>
              {actions.newLink && (
                <td>
                  <button
                    type="button"
                    className="small new-link"
                    aria-label={m.newLinkLabel(p.name)}
                    onClick={() => actions.newLink?.(p)}
                  >
                    {m.newLink}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** When a link was issued and by whom, and when a pending one expires. */
function linkNote(link: Participant['links'][number]): string {
  const m = messages.participants;
  const created = formatLocalDateTime(link.createdAt);
  const issued =
    link.createdBy === undefined
      ? m.linkCreated(created)
      : link.createdBy === null
        ? messages.access.issuedBySystem(created)
        : messages.access.issuedBy(link.createdBy, created);
  return link.state === 'pending'
    ? `${issued} · ${m.linkExpires(formatLocalDateTime(link.expiresAt))}`
    : issued;
}
