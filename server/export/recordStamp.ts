/**
 * The chain head printed on every exported document: in the footer of each page in short, and in
 * full at the document's end, with the exported record's own hash, so that a reader can compare
 * a printout with the timeline and with GET …/verify.
 */
import { Paragraph } from 'docx';
import { type RecordStamp, shortHash } from '../../shared/records.js';
import { GREY, textRun } from './layout.js';

/** What an export says about the records it comes from. */
export interface ExportStamp {
  chain: RecordStamp;
  /** Hash of each exported record with its label (none for the live text). */
  records: readonly { label: string; hash: string }[];
}

const SMALL = 16;

/** The footer line: "Chain head 3f2a9c1d77e04b1a · 4 records · signed (key 1a2b3c4d5e6f7a8b)". */
export function stampFooter(s: RecordStamp): string {
  const records = `${s.records} ${s.records === 1 ? 'record' : 'records'}`;
  const signed = s.signed ? `signed (key ${s.keyId})` : 'NOT signed by the server';
  return `Chain head ${shortHash(s.head)} · ${records} · ${signed}`;
}

/** The paragraphs at the document's end: every hash in full. */
export function stampParagraphs(s: ExportStamp): Paragraph[] {
  const line = (text: string, bold = false) =>
    new Paragraph({ children: [textRun(text, { color: GREY, size: SMALL, bold })], spacing: { after: 40 } });
  const { chain } = s;
  return [
    new Paragraph({ children: [], spacing: { before: 480 } }),
    line('Integrity of the record', true),
    ...(s.records.length === 0
      ? [line('This is the live text at the time of export, not a circulated or closed record.')]
      : s.records.map((r) => line(`${r.label}: SHA-256 ${r.hash}`))),
    line(
      `Head of the chain of records: ${chain.head} (${chain.records} ${chain.records === 1 ? 'record' : 'records'}).`,
    ),
    line(
      chain.signed
        ? `Signed by the server with Ed25519 key ${chain.keyId}; check it with “Verify records” on the timeline.`
        : `Not signed by the server’s key ${chain.keyId}: the records may have been changed. Check them with “Verify records” on the timeline.`,
    ),
  ];
}
