/**
 * The audit log as a hash chain per negotiation: each entry's hash covers its position, every
 * field as stored and the previous entry's hash, so that editing, deleting, inserting or
 * reordering an entry breaks the chain from that entry on. Entries without a negotiation form
 * one more chain of their own (the server's: sign-ins before a negotiation is chosen, …).
 */
import { canonicalJson } from '../../shared/snapshot.js';
import { GENESIS_HASH, sha256 } from './hashing.js';

/** The fields of an audit entry as stored (`detail` is its JSON text, hashed as stored). */
export interface AuditFields {
  at: string;
  negotiationId: string | null;
  personId: string | null;
  personName: string | null;
  delegation: string | null;
  action: string;
  detail: string;
}

/** An audit entry with its place in its chain. */
export interface AuditLink extends AuditFields {
  /** 1, 2, 3 … within its chain. */
  position: number;
  prevHash: string;
  hash: string;
}

/** Name of the chain an entry belongs to: its negotiation's id, or '' for the server's own. */
export function auditChainOf(negotiationId: string | null): string {
  return negotiationId ?? '';
}

/** The hash of the entry at `position` whose predecessor's hash is `prevHash`. */
export function auditEntryHash(prevHash: string, position: number, e: AuditFields): string {
  const fields = {
    position,
    at: e.at,
    negotiationId: e.negotiationId,
    personId: e.personId,
    personName: e.personName,
    delegation: e.delegation,
    action: e.action,
    detail: e.detail,
  };
  return sha256(`audit-v1\n${prevHash}\n${canonicalJson(fields)}`);
}

/** The link of an entry appended after `previous` (the chain's last entry, if any). */
export function nextAuditLink(
  previous: { position: number; hash: string } | undefined,
  e: AuditFields,
): AuditLink {
  const position = (previous?.position ?? 0) + 1;
  const prevHash = previous?.hash ?? GENESIS_HASH;
  return { ...e, position, prevHash, hash: auditEntryHash(prevHash, position, e) };
}

/** What is wrong with one audit entry. */
export type AuditProblemReason = 'content-altered' | 'chain-broken' | 'sequence-gap';

/** One problem found in an audit chain, at an entry's position. */
export interface AuditProblem {
  position: number;
  reason: AuditProblemReason;
}

/** Recomputes an audit chain (entries in position order) and names every entry that does not hold. */
export function verifyAuditChain(entries: readonly AuditLink[]): AuditProblem[] {
  const problems: AuditProblem[] = [];
  let prev = GENESIS_HASH;
  entries.forEach((e, i) => {
    if (e.position !== i + 1) problems.push({ position: e.position, reason: 'sequence-gap' });
    if (e.prevHash !== prev) problems.push({ position: e.position, reason: 'chain-broken' });
    if (auditEntryHash(e.prevHash, e.position, e) !== e.hash)
      problems.push({ position: e.position, reason: 'content-altered' });
    prev = e.hash;
  });
  return problems;
}
