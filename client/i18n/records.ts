/**
 * The words of the records' tamper evidence: "Verify records", the warning shown when the
 * server's history differs from what this browser saw, and the chain head on printouts, in
 * English. Part of `messages` (`messages.records`).
 */
import type { HeadOrigin, RecordKind, RecordProblemReason } from '../../shared/records.js';

/** "1 record", "3 records". */
function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** English texts about the integrity of the records. */
export const recordMessages = {
  verify: {
    button: 'Verify records',
    working: 'Verifying…',
    ok: (n: number): string =>
      n === 1
        ? 'The record was verified: its content matches its hash and the server’s signature.'
        : `All ${n} records verified: their contents match their hashes, the chain is unbroken and the server’s signature covers it.`,
    okNone: 'Nothing recorded yet; the audit log’s chain is unbroken and signed.',
    problems: (n: number): string =>
      `${count(n, 'problem', 'problems')} found. These records were changed after they were taken:`,
    /** Who the problem is about. */
    subject: (record: RecordKind, seq: number | null, label: string): string => {
      switch (record) {
        case 'snapshot':
          return `Record ${seq ?? ''}${label ? `, ${label}` : ''}`;
        case 'reading':
          return `The ${label || 'reading'}`;
        case 'audit':
          return `Audit entry ${seq ?? ''}`;
        case 'head':
          return 'The signature';
      }
    },
    reasons: {
      'content-altered':
        'its content or its details (label, author, time, the reading it closed) no longer match its hash: it was altered',
      'chain-broken': 'it no longer links to the record before it',
      'sequence-gap': 'a record before it is missing',
      'format-downgraded': 'it claims an older, weaker hash than records of its time use',
      'closure-missing': 'the record of its closing is missing or does not point back to it',
      'unsigned-records': 'it and those after it were added without the server’s signature',
      'signed-head-differs': 'it is not the record the server signed: records were rewritten or removed',
      unsigned: 'the server holds no signature over these records',
      'signature-invalid': 'it does not match the records: it was forged or altered',
      'other-key': 'it was made with another key than the server’s',
      'legacy-altered':
        'details of records from before signing began (labels, authors, closures) were changed',
    } satisfies Record<RecordProblemReason, string>,
    signedBy: (keyId: string): string => `Signed by the server with Ed25519 key ${keyId}.`,
    origin: (origin: HeadOrigin, when: string): string | null =>
      origin.kind === 'first-use'
        ? `Records from before ${when} were trusted as found when signing began.`
        : origin.kind === 'resealed'
          ? `An administrator signed the records as found on ${when}.`
          : null,
    legacy: (n: number): string =>
      `${count(n, 'record', 'records')} from before signing began ${n === 1 ? 'is' : 'are'} vouched for by the first signature.`,
  },
  warning: {
    title: 'The record of this negotiation has changed',
    differs: (when: string): string =>
      `The server’s record of this negotiation differs from what this browser saw on ${when}.`,
    unsound: 'The server reports that the records it holds do not match what it signed.',
    advice:
      'Until the co-facilitators explain the difference, do not rely on the texts and records shown here. Keep the exports and printouts you have: they carry the chain head to compare with.',
    details: 'What differs',
    keyChanged: (was: string, now: string, when: string): string =>
      `The server now signs its records with another key (${now}) than the one this browser saw on ${when} (${was}).`,
    snapshotChanged: (seq: number, was: string, now: string, when: string): string =>
      `Record ${seq}: its hash is now ${now}…, but was ${was}… when this browser saw it on ${when}.`,
    snapshotMissing: (seq: number, was: string, when: string): string =>
      `Record ${seq} (hash ${was}…), seen by this browser on ${when}, is no longer there.`,
    auditShorter: (was: number, now: number, when: string): string =>
      `The audit log has ${count(now, 'entry', 'entries')}; this browser saw ${count(was, 'entry', 'entries')} on ${when}.`,
    auditRewritten: (position: number, when: string): string =>
      `The audit log no longer begins with the ${count(position, 'entry', 'entries')} this browser saw on ${when}: entries were changed or removed.`,
    verify: 'Check every record',
    accept: 'Trust the server’s current record',
    acceptQuestion:
      'This browser will forget the history it saw and remember the server’s current record instead. Do this only once the co-facilitators have explained the difference.',
    acceptConfirm: 'Trust the current record',
  },
  stamp: {
    head: 'Head of the chain of records',
    line: (short: string, records: number): string =>
      `Chain head ${short} · ${count(records, 'record', 'records')}`,
    signed: (keyId: string): string => `signed by the server (key ${keyId})`,
    notSigned: 'NOT signed by the server',
  },
};
