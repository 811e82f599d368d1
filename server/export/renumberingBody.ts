/**
 * The table of old → new paragraph numbers a revision recorded at circulation, as the end of a
 * Word export of that revision or of a comparison with it: the numbers that changed, in the
 * order of the old ones ("OP16bis → OP17", "OP20 → no longer in the text").
 */
import type { Paragraph } from 'docx';
import { type RenumberEntry, renumberedEntries } from '../../shared/numbering.js';
import { GREY, headingParagraph, noteParagraph, numberedParagraph, textRun } from './layout.js';

/** The paragraphs of the table; none when there is no table. */
export function renumberingBody(
  revision: string,
  table: readonly RenumberEntry[] | null | undefined,
): Paragraph[] {
  if (!table) return [];
  const changed = renumberedEntries(table);
  const heading = headingParagraph([
    textRun(`Renumbering at ${revision}: number during the reading → number in ${revision}`, { bold: true }),
  ]);
  if (changed.length === 0)
    return [
      heading,
      noteParagraph([textRun(`No paragraph number changed at ${revision}.`, { italics: true })], 0),
    ];
  return [
    heading,
    ...changed.map((e) =>
      numberedParagraph(e.from, [
        textRun('→ '),
        e.to === null ? textRun('no longer in the text', { italics: true, color: GREY }) : textRun(e.to),
      ]),
    ),
  ];
}
