/** A person's role as a small badge: co-facilitator, delegate, observer, or administrator. */
import type { Role } from './api.js';
import { messages } from './i18n/messages.js';

/** Props of `RoleBadge`. */
export interface RoleBadgeProps {
  /** The role in a negotiation; `admin` for a server administrator outside any negotiation. */
  role: Role | 'admin';
}

/** The role's name in a badge; the words carry the meaning, the colour only helps. */
export function RoleBadge({ role }: RoleBadgeProps) {
  return (
    <span className={`role-badge role-${role}`} data-role={role}>
      {role === 'admin' ? messages.administrator : messages.roles[role]}
    </span>
  );
}
