/**
 * The words of revisions, readings, snapshots, comparisons, exports and the import of a draft,
 * in English. Part of `messages` (`messages.readings`); kept in its own module because it is long.
 */
import type { RowKind } from '../../shared/compare.js';

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

/** "1 paragraph", "3 paragraphs". */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** English texts about revisions, readings and comparisons. */
export const readingMessages = {
  /** "First reading", "Second reading" … as the server names them. */
  readingLabel: (n: number): string => `${ORDINALS[n - 1] ?? `${n}th`} reading`,
  nav: {
    timeline: 'Timeline',
    compare: 'Compare',
  },
  times: {
    /** "13:30 EDT in New York". */
    inZone: (when: string, city: string): string => `${when} in ${city}`,
    note: (yours: string, city: string, zone: string): string =>
      `Times are shown in your time zone (${yours}), with the negotiation’s time in ${city} (${zone}) beside them.`,
    sameZoneNote: (city: string, zone: string): string =>
      `Times are shown in the negotiation’s time zone, ${city} (${zone}), which is also yours.`,
  },
  timeLeft: {
    label: 'Time left',
    /** "3 days 4 h 12 min left". */
    left: (parts: { days: number; hours: number; minutes: number; seconds: number }): string => {
      const out: string[] = [];
      if (parts.days > 0) out.push(count(parts.days, 'day', 'days'));
      if (parts.days > 0 || parts.hours > 0) out.push(`${parts.hours} h`);
      out.push(`${parts.minutes} min`);
      if (parts.days === 0) out.push(`${parts.seconds} s`);
      return `${out.join(' ')} left`;
    },
    passed: 'The deadline has passed',
  },
  deadlinePassed: (what: 'proposals' | 'inputs', local: string, zoned: string): string =>
    `The deadline for ${what === 'proposals' ? 'proposals' : 'written inputs'} in this reading passed on ${local} your time (${zoned}).`,
  timeline: {
    heading: 'Timeline',
    loading: 'Loading the timeline…',
    caption: 'Revisions and readings, oldest first',
    empty: 'No revision has been circulated yet. The co-facilitators circulate the zero draft first.',
    revision: 'Revision',
    circulated: 'Circulated',
    by: (who: string): string => `by ${who}`,
    opened: 'Opened',
    deadline: 'Deadline for proposals',
    closed: 'Closed',
    on: (revision: string): string => `on ${revision}`,
    stateOpen: 'Open',
    stateClosed: 'Closed',
    paragraphs: (n: number): string => count(n, 'paragraph', 'paragraphs'),
    numbers: 'Paragraph numbers',
    proposals: 'Proposals',
    proposalTotal: (n: number): string => `${count(n, 'proposal', 'proposals')} in all`,
    noProposals: 'No proposals were tabled.',
    openRecord: (label: string): string => `Open ${label}`,
    compare: (older: string, newer: string): string => `Compare ${older} ↔ ${newer}`,
    liveText: 'live text',
    hash: 'Record hash',
    current: 'Now',
    readingOpenSince: (label: string, revision: string): string => `${label} on ${revision} is open`,
    noReadingOpen: 'No reading is open: delegations cannot table proposals now.',
  },
  renumbering: {
    summary: (revision: string, n: number): string =>
      `Renumbered at ${revision}: ${count(n, 'paragraph', 'paragraphs')} (old → new numbers)`,
    none: (revision: string): string => `No paragraph number changed at ${revision}.`,
    caption: (revision: string): string => `Paragraph numbers during the reading and in ${revision}`,
    before: 'Number during the reading',
    after: (revision: string): string => `Number in ${revision}`,
    gone: 'no longer in the text',
  },
  actions: {
    heading: 'Co-facilitators’ actions',
    circulate: (label: string): string => `Circulate ${label}`,
    circulateHint: (label: string): string =>
      `Records the text as it stands now as ${label} and sends it to all participants. A circulated revision can never be changed.`,
    confirmCirculate: (label: string): string =>
      `Circulate the current text as ${label}? It is recorded exactly as it stands now, and the record can never be changed afterwards.`,
    circulated: (label: string): string => `${label} circulated.`,
    openReading: (label: string, revision: string): string =>
      `Open the ${label.toLowerCase()} on ${revision}`,
    openHint: 'Delegations can table proposals until the deadline.',
    open: 'Open reading',
    opened: (label: string): string => `${label} opened.`,
    extend: 'Extend deadline',
    extendHeading: 'Change the deadline',
    extended: 'Deadline changed.',
    close: 'Close reading',
    closeHint:
      'Closing freezes a permanent record of the text and of every proposal of the reading with its outcome.',
    confirmClose: (label: string): string =>
      `Close the ${label.toLowerCase()}? This freezes a permanent record of the text and of every proposal tabled in it, with their outcomes; the record can never be changed. Delegations can no longer table proposals.`,
    closed: (label: string): string => `${label} closed. Its record is frozen.`,
    readOnRevision: (reading: string, revision: string, next: string): string =>
      `The ${reading.toLowerCase()} was held on ${revision}. Circulate ${next} to open the next reading.`,
    working: 'Working…',
    importDraft: 'Import a draft',
    importHint:
      'Until the zero draft is circulated, you can replace the draft with a Word document or pasted text.',
  },
  closeDialog: {
    heading: (label: string): string => `Close the ${label.toLowerCase()}`,
    loading: 'Loading the proposals still open…',
    noneOpen: 'No proposal of this reading is still open.',
    intro: (n: number): string =>
      `${count(n, 'proposal is', 'proposals are')} still open. Decide what happens to each before the reading closes: incorporate it, set it aside, or carry it forward to the next reading, where it is open again with its supporters and history.`,
    bulk: 'Decide all at once',
    all: {
      incorporate: 'Incorporate all',
      'set-aside': 'Set all aside',
      'carry-forward': 'Carry all forward',
    },
    choices: {
      incorporate: 'Incorporate',
      'set-aside': 'Set aside',
      'carry-forward': 'Carry forward',
    },
    choiceHints: {
      incorporate: 'applied to the text, or marked incorporated',
      'set-aside': 'not retained',
      'carry-forward': 'open again in the next reading',
    },
    listLabel: 'Open proposals',
    legend: (label: string, kind: string, delegation: string): string =>
      `${label || 'Paragraph no longer in the text'} — ${kind} — ${delegation}`,
    notIncorporable:
      'The words it targets changed, so it can no longer be applied to the text: set it aside or carry it forward.',
    outdated: 'outdated',
    tally: (
      c: { incorporate: number; 'set-aside': number; 'carry-forward': number },
      undecided: number,
    ): string =>
      `${c.incorporate} to incorporate, ${c['set-aside']} to set aside, ${c['carry-forward']} to carry forward${undecided > 0 ? `; ${undecided} still undecided` : ''}.`,
    undecided: (n: number): string =>
      `Decide each proposal first: ${count(n, 'proposal is', 'proposals are')} still undecided.`,
    changed: 'The proposals changed meanwhile. The list is up to date again: check it and close again.',
    confirm: 'Close reading',
    closing: 'Closing…',
  },
  deadlineField: {
    legend: (city: string, zone: string): string => `Deadline, ${city} time (${zone})`,
    date: 'Date',
    time: 'Time',
    preview: (zoned: string, local: string): string => `${zoned} — ${local} your time`,
    malformed: 'Enter a date and a time.',
    skipped: 'This time does not exist there: the clocks skip it when they go forward. Choose another.',
    past: 'The deadline must be in the future.',
  },
  snapshot: {
    loadingHeading: 'Record',
    loading: 'Loading the text…',
    kinds: {
      revision: 'Circulated revision',
      reading: 'Record of a closed reading',
      live: 'The text as it stands now (not a record)',
    },
    takenRevision: 'Circulated',
    takenReading: 'Closed',
    takenLive: 'As of',
    hash: 'SHA-256 hash of this record',
    view: 'Show',
    clean: 'Clean text',
    compilation: 'Compilation',
    revisionHasNoProposals:
      'A revision records the text only. The proposals tabled on it are in the record of the reading that followed.',
    outcomeNote: 'Each proposal shows the outcome the co-facilitators recorded.',
    applied: 'applied',
    compareWithLive: (label: string): string => `Compare ${label} ↔ live text`,
    backToTimeline: 'Back to the timeline',
  },
  exports: {
    heading: 'Export',
    docxClean: 'Download .docx (clean)',
    docxCompilation: 'Download .docx (compilation)',
    docxComparison: 'Download .docx (Word, tracked changes)',
    printView: 'Print view',
    akn: 'Download Akoma Ntoso (.akn.xml)',
    aknHint: 'Akoma Ntoso 3.0 XML: the text, its history and the proposals, for other UN systems.',
    preparing: 'Preparing the Word file…',
    preparingAkn: 'Preparing the Akoma Ntoso file…',
    ready: (name: string): string => `Downloaded ${name}.`,
  },
  print: {
    print: 'Print',
    hint: 'Use “Save as PDF” in the print dialog to make a PDF.',
    back: 'Back',
  },
  compare: {
    heading: 'Compare versions',
    loading: (older: string, newer: string): string => `Comparing ${older} with ${newer}…`,
    loadingComparison: 'Comparing the two versions…',
    loadingVersions: 'Loading the versions…',
    pickers: 'Versions to compare',
    from: 'Older version',
    to: 'Newer version',
    swap: 'Swap',
    live: 'Live text (now)',
    nothing: 'Nothing to compare yet: no revision has been circulated.',
    same: 'Both sides show the same version. Pick two different ones.',
    summary: (s: { changed: number; added: number; deleted: number; moved: number }): string =>
      `${count(s.changed, 'paragraph', 'paragraphs')} changed, ${s.added} added, ${s.deleted} deleted, ${s.moved} moved`,
    renumbered: (n: number): string => `${count(n, 'paragraph', 'paragraphs')} renumbered`,
    noChanges: 'The two versions are the same.',
    legendInserted: 'inserted words underlined',
    legendDeleted: 'deleted words struck through',
    spokenInsertion: 'insertion:',
    spokenDeletion: 'deletion:',
    spokenEnd: 'end.',
    now: 'now',
    titleRow: 'Title',
    sectionRow: 'Section heading',
    caption: (older: string, newer: string): string => `${older} and ${newer}, paragraph against paragraph`,
    paragraph: 'Paragraph',
    navLabel: 'Move between changes',
    next: 'Next change',
    previous: 'Previous change',
    shortcuts: 'Keys: n next change, p previous change',
    position: (n: number, of: number): string => `Change ${n} of ${of}`,
    changedOnly: 'Changed paragraphs only',
    kinds: {
      unchanged: 'Unchanged',
      changed: 'Changed',
      added: 'New',
      deleted: 'Deleted',
      moved: 'Moved',
      heading: 'Heading',
    } satisfies Record<RowKind, string>,
    renumberedLabel: (from: string, to: string): string => `${from} → ${to}`,
    renumberedSpoken: (from: string, to: string): string => `${from}, now ${to}`,
    notInOlder: 'Not in this version',
    notInNewer: 'Not in this version',
    splitFrom: (label: string): string => `Split from ${label}`,
    mergedInto: (label: string): string => `Merged into ${label}`,
    incorporated: 'Came from',
    notRetained: 'Not retained',
    carried: 'Carried forward to the next reading',
  },
  import: {
    heading: 'Import a draft',
    intro:
      'Replace the draft with a Word document, an Akoma Ntoso file or pasted text. You see what was recognised before anything changes.',
    onlyFacilitators: 'Only the co-facilitators can import a draft.',
    circulated:
      'The draft has already been circulated, so it can no longer be replaced by an import. Edit the text instead.',
    source: 'Source',
    word: 'Word document (.docx)',
    akn: 'Akoma Ntoso (.xml, .akn.xml)',
    paste: 'Pasted text',
    file: 'Word document',
    fileHint: 'A .docx file of at most 10 MB.',
    aknFile: 'Akoma Ntoso document',
    aknFileHint:
      'An Akoma Ntoso 3.0 XML file of at most 10 MB, as this tool exports it: the title, preambular and operative paragraphs are read; proposals, notes and metadata are left out.',
    noAknFile: 'Choose an Akoma Ntoso .xml file first.',
    text: 'Text of the draft',
    textHint:
      'One paragraph per line. The first line is the title. Typed numbers such as “OP3” or “1.” are removed: numbering is computed.',
    noFile: 'Choose a .docx file first.',
    noText: 'Paste the text first.',
    tooLarge: 'This file is larger than 10 MB.',
    preview: 'Preview',
    reading: 'Reading the document…',
    previewHeading: 'What was recognised',
    title: 'Title',
    untitled: '(no title recognised)',
    counts: (s: { sections: number; preambular: number; operative: number }): string =>
      `${count(s.sections, 'section heading', 'section headings')}, ${count(s.preambular, 'preambular paragraph', 'preambular paragraphs')}, ${count(s.operative, 'operative paragraph', 'operative paragraphs')}`,
    structure: 'Structure of the imported text',
    replace: 'Replace the draft',
    replacing: 'Replacing…',
    confirmReplace:
      'Replace the whole draft with the imported text? Everyone sees the new text at once; the current text is not kept.',
    replaced: 'The draft was replaced.',
    openText: 'Open the text',
  },
};
