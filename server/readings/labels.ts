/** The names of readings and revisions as records and messages give them. */

const ORDINALS = [
  'First',
  'Second',
  'Third',
  'Fourth',
  'Fifth',
  'Sixth',
  'Seventh',
  'Eighth',
  'Ninth',
  'Tenth',
];

/** "First reading", "Second reading" … */
export function readingLabel(n: number): string {
  return `${ORDINALS[n - 1] ?? `${n}th`} reading`;
}

/** "Zero draft" for the first revision, then "Rev.1", "Rev.2" … */
export function revisionLabel(previousRevisions: number): string {
  return previousRevisions === 0 ? 'Zero draft' : `Rev.${previousRevisions}`;
}
