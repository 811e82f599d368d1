/**
 * The latest circulated revision as a delegate downloads it from the real server (the clean Word
 * export), and its operative paragraphs whose words are still the live text's, open to
 * proposals: what tests edit with tracked changes to import as amendments.
 */
import { DEMO_NEGOTIATION_ID } from '../../server/demo/seed.js';
import { checkDocx, IMPORT_LIMITS } from '../../server/import/docxLimits.js';
import { readRevisions } from '../../server/import/revisionReader.js';
import { draftDocName } from '../../shared/protocol.js';
import { readParagraph } from '../../shared/wordRevisions.js';
import { api } from './auth.js';
import { paragraphString } from './draft.js';
import type { TestServer } from './server.js';

/** A paragraph of the export whose text is the live text's. */
export interface UnchangedParagraph {
  pid: string;
  label: string;
  text: string;
}

/** The export of the latest revision (as `cookie` downloads it) and its unchanged open operative paragraphs. */
export async function revisionExport(
  ts: TestServer,
  cookie: string,
): Promise<{ file: Buffer; unchanged: UnchangedParagraph[] }> {
  const base = `/api/negotiations/${DEMO_NEGOTIATION_ID}`;
  const timeline = await api<{ snapshots: { id: string; label: string }[] }>(
    ts.url,
    'GET',
    `${base}/timeline`,
    {
      cookie,
    },
  );
  const revision = timeline.body.snapshots.filter((s) => s.label.startsWith('Rev')).at(-1)!;
  const res = await fetch(`${ts.url}${base}/export/${revision.id}.docx`, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`export: ${res.status}`);
  const file = Buffer.from(await res.arrayBuffer());
  const inWord = new Map(
    readRevisions(checkDocx(file, IMPORT_LIMITS))
      .paragraphs.map(readParagraph)
      .map((r) => [r.label, r.before]),
  );
  const labels = await api<{ paragraphs: { pid: string; label: string; kind: string }[] }>(
    ts.url,
    'GET',
    `${base}/paragraphs`,
    { cookie },
  );
  const room = await ts.server.rooms.open(draftDocName(DEMO_NEGOTIATION_ID));
  const statuses = await ts.storage.proposals.paragraphStatuses(DEMO_NEGOTIATION_ID);
  const unchanged = labels.body.paragraphs
    .map((x) => ({ pid: x.pid, label: x.label, kind: x.kind, text: paragraphString(room.doc, x.pid) }))
    .filter(
      (x) =>
        x.kind === 'operative' &&
        inWord.get(x.label) === x.text &&
        !statuses.some((s) => s.pid === x.pid && s.status !== 'pending' && s.status !== 'bracketed'),
    )
    .map(({ pid, label, text }) => ({ pid, label, text }));
  return { file, unchanged };
}
