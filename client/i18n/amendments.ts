/**
 * The words of the page where a delegation imports its amendments from Word, in English. Part of
 * `messages` (`messages.amendments`).
 */
import type { ImportKind, UnmatchedItem, UnmatchedReason } from '../../shared/amendmentImport.js';

/** English texts of the amendment import. */
export const amendmentMessages = {
  nav: 'Import from Word',
  heading: 'Import amendments from Word',
  intro:
    'Download the circulated revision as a Word document, make your changes with Track Changes on and add comments, then upload it here. Each change becomes an amendment and each comment a comment, tabled for your delegation once you have reviewed them.',
  onlyDelegates: 'Only delegations import amendments from Word.',
  file: 'Word document (.docx) with tracked changes',
  fileHint: 'At most 10 MB. Paragraph numbers (PP1, OP3 …) must be as in the downloaded revision.',
  noFile: 'Choose a Word document first.',
  tooLarge: 'This file is larger than 10 MB.',
  read: 'Read the changes',
  reading: 'Reading the document…',
  resultsHeading: (found: number, unmatched: number) =>
    `${found} ${found === 1 ? 'proposal' : 'proposals'} found` +
    (unmatched > 0 ? `, ${unmatched} ${unmatched === 1 ? 'change' : 'changes'} not matched` : ''),
  nothingFound: 'No tracked changes or comments were found on the paragraphs of the text.',
  reviewHint: 'Untick what you do not want to table. Nothing is tabled until you press the button below.',
  listLabel: 'Proposals to table',
  kinds: {
    amend: 'Amendment',
    delete: 'Deletion of the paragraph',
    insert: 'New paragraph',
    comment: 'Comment',
  } satisfies Record<ImportKind, string>,
  itemTitle: (label: string, kind: string) => `${label} — ${kind}`,
  newAfter: (label: string) => `after ${label}`,
  commentOn: (quoted: string) => `On “${quoted}”:`,
  fromWord: (author: string | null, date: string | null) =>
    `In Word: ${author ?? 'unknown author'}${date ? `, ${date}` : ''}`,
  matchedByText: (documentLabel: string | null) =>
    documentLabel
      ? `Numbered ${documentLabel} in the file: matched by its words.`
      : 'Without a number in the file: matched by its words.',
  alreadyTabled: 'Already tabled by your delegation.',
  tabledOne: 'Tabled.',
  keep: 'Table this proposal',
  unmatchedHeading: (n: number) => `Not matched (${n})`,
  unmatchedHint: 'These were not guessed at. Table them by hand if they still apply.',
  unmatchedKinds: {
    revision: 'Change',
    paragraph: 'New paragraph',
    comment: 'Comment',
  } satisfies Record<UnmatchedItem['kind'], string>,
  noLabel: 'No number',
  reasons: {
    'text-changed': 'The paragraph’s text has changed since this file was made.',
    'not-found': 'No paragraph of the text has this number or these words.',
    ambiguous: 'Several paragraphs of the text have these words.',
    'paragraph-closed': 'The paragraph is agreed or deleted and takes no new proposals.',
    'split-or-joined': 'Paragraphs were split or joined here.',
    'no-anchor': 'The paragraph before it could not be matched.',
    'other-part': 'Its number belongs to the other part of the text (PP or OP).',
    'label-changed': 'The paragraph number itself was changed.',
    'invalid-text': 'The words have characters that cannot be kept, or are too long.',
    'no-change': 'Nothing visible changes.',
  } satisfies Record<UnmatchedReason, string>,
  table: (n: number) => `Table ${n} ${n === 1 ? 'proposal' : 'proposals'}`,
  tabling: 'Tabling…',
  tabled: (n: number) => `${n} ${n === 1 ? 'proposal was' : 'proposals were'} tabled for your delegation.`,
  openText: 'See them in the text',
  failedItem: (n: number, message: string) => `Proposal ${n}: ${message} Nothing was tabled.`,
};
