/**
 * The details of an audit entry in one compact line: "name: Delegate, France · role: Delegate ·
 * delegation: France". Known fields get readable names and values; the rest shows as recorded.
 */
import { delegationByCode } from '../../shared/delegations.js';
import { messages } from '../i18n/messages.js';

/** Longest value shown in full. */
const MAX_VALUE = 60;

/** Ids (`id`, `…Id`) are random and long: their first characters tell entries apart. */
const isIdField = (key: string) => key === 'id' || /[a-z]Id$/.test(key);

function valueText(key: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (key === 'role' && typeof value === 'string' && Object.hasOwn(messages.roles, value)) {
    return messages.roles[value as keyof typeof messages.roles];
  }
  if (key === 'delegation' && typeof value === 'string') return delegationByCode(value)?.name ?? value;
  // Lists of delegations (whose support an edit dropped) by name.
  if (key === 'supportDropped' && Array.isArray(value))
    return value
      .map((code) => (typeof code === 'string' ? (delegationByCode(code)?.name ?? code) : ''))
      .join(', ');
  if (isIdField(key) && typeof value === 'string') return value.slice(0, 8);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** The entry's details as "field: value" pairs joined by " · ". */
export function auditDetail(detail: Readonly<Record<string, unknown>>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(detail)) {
    const text = valueText(key, value);
    if (text === null) continue;
    const label = Object.hasOwn(messages.audit.details, key) ? messages.audit.details[key] : key;
    parts.push(`${label}: ${text}`);
  }
  return parts.join(' · ');
}
