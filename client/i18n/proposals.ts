/**
 * The words of proposals and the compilation text, in English. Part of `messages`
 * (`messages.proposals`); kept in its own module because it is long.
 */
import type { ParagraphStatus, ProposalKind, ProposalStatus } from '../../shared/proposals.js';

/** English texts about proposals. */
export const proposalMessages = {
  kinds: {
    amend: 'Amendment',
    delete: 'Deletion of the paragraph',
    insert: 'New paragraph',
    alt: 'Alternative text',
    retain: 'Retain as is',
    comment: 'Comment',
  } satisfies Record<ProposalKind, string>,
  statuses: {
    open: 'Open',
    incorporated: 'Incorporated',
    'partly-incorporated': 'Partly incorporated',
    'not-retained': 'Not retained',
    withdrawn: 'Withdrawn',
    superseded: 'Superseded by facilitators’ text',
    'carried-forward': 'Carried forward',
  } satisfies Record<ProposalStatus, string>,
  paragraphStatuses: {
    pending: 'Pending',
    bracketed: 'Bracketed',
    'agreed-ad-ref': 'Agreed ad ref.',
    deleted: 'Deleted',
  } satisfies Record<ParagraphStatus, string>,
  facilitators: 'Co-facilitators',
  /** "EU, supported by Norway, Switzerland". */
  attribution: (who: string, supporters: readonly string[]): string =>
    supporters.length === 0 ? who : `${who}, supported by ${supporters.join(', ')}`,
  onBehalfOf: (group: string, member: string): string => `${group} (tabled by ${member})`,
  /** Proposals on paragraphs removed from the text, after the text itself. */
  removed: {
    heading:
      'Proposals on paragraphs the co-facilitators removed from the text (they stay until decided or withdrawn)',
  },
  views: {
    label: 'How to show the text',
    compilation: 'Compilation',
    clean: 'Clean text',
    edit: 'Edit text',
  },
  bracketDelete: 'delete',
  bracketRetain: 'retain',
  alt: 'alt',
  outdated: 'outdated',
  incorporated: 'incorporated',
  /** Read out before words of the text that an applied proposal put in. */
  incorporatedStart: (who: string): string => `Incorporated from ${who}:`,
  incorporatedEnd: 'end of incorporated words.',
  /** Shown after such words. */
  incorporatedTag: (who: string): string => `incorporated: ${who}`,
  reservation: 'Reservation',
  comment: 'Comment',
  countLabel: (n: number): string => (n === 1 ? '1 proposal' : `${n} proposals`),
  /** Open proposals that change the same words of a paragraph (`shared/collisions.ts`). */
  collisions: {
    /** The short visible mark on a bracket: how many others it collides with. */
    mark: (n: number): string => `⇄${n}`,
    /** Read out on a bracket, and its mark's tooltip. */
    label: (n: number): string => (n === 1 ? 'collides with 1 proposal' : `collides with ${n} proposals`),
    /** In the paragraph's number, read out after its proposal count. */
    countLabel: (n: number): string => (n === 1 ? '1 collision' : `${n} collisions`),
    /** The panel's heading over the colliding groups. */
    heading: 'Collisions',
    /** One group in the panel. */
    group: (i: number, n: number): string => `Collision ${i}: ${n} proposals change the same words`,
    /** The heading over the paragraph's other proposals when some collide. */
    others: 'Other proposals',
  },
  facilitatorsText: 'Facilitators’ text',
  panel: {
    heading: (label: string): string => `Proposals on ${label}`,
    empty: 'Select a paragraph to see its proposals and to table one.',
    none: 'No proposals on this paragraph in this reading match the filters.',
    earlier: (n: number): string => `Earlier readings (${n} ${n === 1 ? 'proposal' : 'proposals'})`,
    filters: 'Filters',
    delegation: 'Delegation',
    kind: 'Kind',
    status: 'Status',
    all: 'All',
    tabledBy: (person: string, when: string): string => `Tabled by ${person}, ${when}`,
    version: (n: number): string => `version ${n}`,
    applied: 'Applied to the text',
    outdatedNote: 'The words this amendment targets have changed since it was tabled.',
    /** On a proposal whose paragraph the co-facilitators removed from the text. */
    removedNote: 'Its paragraph is no longer in the text: the co-facilitators removed it.',
    carriedFrom: (reading: string): string => `Carried forward from the ${reading.toLowerCase()}.`,
    leftUndecided: 'Left open when its reading closed: it is no longer live and can no longer be supported.',
    paragraphStatus: 'Paragraph status',
    /** Why no proposal can be tabled on the paragraph now (`client/proposals/tablingClosed.ts`). */
    tablingClosed: {
      paragraph: 'This paragraph is agreed or deleted: it takes no new proposals.',
      noReading: 'No reading is open: proposals can be tabled only during a reading.',
      deadline: 'The deadline for proposals in this reading has passed.',
    },
    propose: 'Table a proposal',
    observerNote: 'Observers follow the negotiation; they do not table proposals.',
  },
  actions: {
    amend: 'Propose amendment',
    delete: 'Propose deletion',
    retain: 'Support retaining',
    insert: 'Propose new paragraph after',
    alt: 'Propose alternative text',
    comment: 'Comment or reservation',
    support: 'Support',
    unsupport: 'Withdraw support',
    edit: 'Edit',
    withdraw: 'Withdraw',
    apply: 'Apply to text',
    setStatus: 'Set status',
    confirmWithdraw: 'Withdraw this proposal? It stays on record as withdrawn.',
    confirmApply: 'Apply this proposal to the base text now?',
    confirmDelete: (label: string, who: string): string =>
      `Table a proposal to delete ${label}? Every participant sees it at once, under the name of ${who}.`,
  },
  editor: {
    textLabel: (kind: string, label: string): string => `${kind} — ${label}`,
    reservation: 'This is a reservation',
    noChange: 'Change some words to make an amendment.',
    submit: 'Table proposal',
    save: 'Save changes',
    cancel: 'Cancel',
    tableAs: 'Table as',
    submitting: 'Sending…',
    close: 'Close',
    raced:
      'The paragraph changed as you tabled your proposal. Your own changes are carried onto the new text: check them and table again.',
    carried:
      'The co-facilitators changed this paragraph while you were editing. Their words are now in your text; your changes are kept as yours.',
    carrying: 'Your amendment, carried onto the current text of the paragraph. Check it and save it.',
    altUnchanged: 'Change the paragraph’s text to make an alternative.',
    resolveFirst: 'Decide first where your changes meet the co-facilitators’ changes.',
  },
  /** The suggestion editor: a proposal written in place, its brackets shown as they form. */
  suggestion: {
    /** The editor's accessible name and visible label, by kind; `label` is "OP4", "OP5 alt", "OP5bis". */
    name: {
      amend: (label: string): string => `Amendment to ${label}`,
      alt: (label: string): string => `Alternative text ${label}`,
      insert: (label: string): string => `New paragraph ${label}`,
    },
    help: {
      amend:
        'Edit the words where they stand: deleted words are struck through, words you type are marked. Ctrl+Enter (⌘+Enter on a Mac) tables it; Escape closes the editor and keeps your draft.',
      alt: 'Rewrite the paragraph: the differences from its text are marked as you type. Ctrl+Enter (⌘+Enter on a Mac) tables it; Escape closes the editor and keeps your draft.',
      insert:
        'Type the words of the new paragraph. Ctrl+Enter (⌘+Enter on a Mac) tables it; Escape closes the editor and keeps your draft.',
    },
    /** Read out before struck-out and inserted words. */
    deleted: 'deleted:',
    inserted: 'inserted:',
    /** Announced after a pause in typing. */
    announce: {
      none: 'No change yet.',
      deletes: (words: string): string => `Deletes “${words}”.`,
      inserts: (words: string): string => `Inserts “${words}”.`,
      spacing: 'Changes spacing.',
    },
    empty: 'Write the words first.',
    /** Why the editor takes no typing (the paragraph was agreed, the reading closed); the words stay a draft. */
    closed: (why: string): string => `${why} Your words are kept as a draft in this browser.`,
    /** The paragraph written about was removed from the text while the editor was open (or its draft resumed). */
    removed: (label: string): string =>
      `${label} is no longer in the text: the co-facilitators removed it. Your words are kept as a draft in this browser.`,
  },
  conflicts: {
    heading: (n: number): string =>
      n === 1
        ? 'The co-facilitators changed words you were changing'
        : `The co-facilitators changed words you were changing, in ${n} places`,
    help: 'For each place, choose the words your amendment proposes. Nothing is tabled until you table it.',
    legend: (i: number, n: number): string => `Place ${i} of ${n}`,
    was: 'You both started from',
    theirs: 'Their words now',
    mine: 'Your words',
    nothing: '(nothing)',
    keepMine: 'Keep mine (my amendment proposes my words in place of theirs)',
    takeTheirs: 'Take theirs (drop my change here)',
    edit: 'Write other words',
    editLabel: (i: number): string => `Words for place ${i}`,
    apply: 'Use these choices',
    applied: 'Your choices are in the text. Check the marked changes and table it.',
  },
  drafts: {
    heading: 'Your unsent drafts',
    restored: (when: string): string => `Draft restored (saved ${when}).`,
    saved: 'Draft kept in this browser until you table or discard it.',
    notSaved: 'This browser does not keep drafts: your words are lost if you close the form.',
    discard: 'Discard draft',
    confirmDiscard: 'Discard this draft? The words you typed will be lost.',
    resume: 'Resume',
    item: (label: string, kind: string, when: string): string => `${label} — ${kind}, saved ${when}`,
    editOf: (kind: string): string => `${kind} (edit)`,
  },
  carry: {
    action: 'Carry onto the current text',
    preview: 'On the current text, your amendment reads:',
    submit: 'Table this version',
    edit: 'Edit first',
    cancel: 'Cancel',
    nothingLeft:
      'The current text already reads as your amendment proposed: nothing is left to carry. You may withdraw it.',
  },
  done: {
    tabled: 'Proposal tabled.',
    edited: 'Proposal updated.',
    opened: 'Amendment opened for editing.',
    withdrawn: 'Proposal withdrawn.',
    supported: 'Support added.',
    unsupported: 'Support withdrawn.',
    status: 'Status changed.',
    applied: 'Applied to the text.',
    paragraph: 'Paragraph status changed.',
    carried: 'Amendment carried onto the current text.',
  },
} as const;
