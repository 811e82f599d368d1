/**
 * The words of the roadmap, the "what comes next" line of the header, calendars, guiding
 * questions and written inputs, in English. Part of `messages` (`messages.roadmap`).
 */
import type { InputKind } from '../../shared/inputs.js';
import type {
  RoadmapAudience,
  RoadmapDateReason,
  RoadmapFormat,
  RoadmapKind,
  RoadmapPrecision,
} from '../../shared/roadmap.js';
import type { Countdown } from '../../shared/time.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
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

/** English texts about the roadmap and written inputs. */
export const roadmapMessages = {
  nav: { roadmap: 'Roadmap', inputs: 'Written inputs' },
  /** "Second reading" */
  reading: (n: number): string => (ORDINALS[n - 1] ? `${ORDINALS[n - 1]} reading` : `Reading ${n}`),
  kinds: { activity: 'Activity', deadline: 'Deadline' } satisfies Record<RoadmapKind, string>,
  formats: {
    virtual: 'Virtual',
    'in-person': 'In person',
    email: 'By e-mail',
    tbd: 'To be determined',
  } satisfies Record<RoadmapFormat, string>,
  noFormat: '—',
  audiences: {
    'member-states': 'Member States',
    stakeholders: 'Stakeholders',
    'geneva-delegates': 'Geneva-based delegates',
    all: 'All',
  } satisfies Record<RoadmapAudience, string>,
  precisions: {
    time: 'Date and time',
    day: 'Day only',
    week: 'Week only',
    tbd: 'To be determined',
  } satisfies Record<RoadmapPrecision, string>,
  page: {
    heading: 'Roadmap',
    loading: 'Loading the roadmap…',
    zones: (city: string, zone: string) => `Times are ${city} time (${zone}), as announced.`,
    yourZone: (zone: string) => `Your own time (${zone}) is shown beside them.`,
    sameZone: 'This is also your own time zone.',
    views: 'Show the roadmap as',
    list: 'List',
    month: 'Month',
    add: 'Add an entry',
    empty: 'The co-facilitators have not published a roadmap yet.',
    editButton: 'Edit',
    removeButton: 'Delete',
    edit: (title: string) => `Edit “${title}”`,
    remove: (title: string) => `Delete “${title}”`,
    confirmRemove: (title: string) => `Delete “${title}” from the roadmap?`,
    removed: 'Entry deleted.',
    saved: 'Roadmap saved.',
  },
  list: {
    caption: 'Activities and deadlines, in date order',
    date: 'Date',
    time: (city: string) => `Time (${city})`,
    yourTime: 'Your time',
    activity: 'Activity',
    format: 'Format',
    audience: 'For',
    actions: 'Actions',
    tentative: 'tentative',
    weekOf: (date: string) => `Week of ${date}`,
    tbd: 'To be determined',
    dayOnly: 'Time to be announced',
    endOfDay: 'By the end of the day',
    allDay: 'All day',
    linked: (label: string) => `Concerns: ${label}`,
    readingDeadline: (reading: string) => `Deadline for proposals and written inputs — ${reading}`,
    fromReading: 'Set with the reading; the co-facilitators may extend it.',
    past: 'Past',
    now: 'Now',
  },
  calendar: {
    caption: (month: string) => `Roadmap, ${month}`,
    previous: 'Previous month',
    next: 'Next month',
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    weekdaysShort: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    nothing: 'Nothing on the roadmap this month.',
  },
  nextUp: {
    label: 'What comes next',
    activity: 'Next activity',
    ongoing: 'Now',
    deadline: 'Next deadline',
    none: 'none scheduled',
    starts: 'starts',
    yourTime: (text: string) => `your time ${text}`,
    readingDeadline: (reading: string) => `Proposals and written inputs, ${reading.toLowerCase()}`,
    /** "in 3 days, 4 hours" — readable, to the minute (seconds only in the last hour). */
    countdown: (c: Countdown): string => {
      if (c.past) return 'now';
      const parts =
        c.days > 0
          ? [plural(c.days, 'day', 'days'), plural(c.hours, 'hour', 'hours')]
          : c.hours > 0
            ? [plural(c.hours, 'hour', 'hours'), plural(c.minutes, 'minute', 'minutes')]
            : [plural(c.minutes, 'minute', 'minutes'), plural(c.seconds, 'second', 'seconds')];
      return `in ${parts.join(', ')}`;
    },
    /** The same as a compact clock: "3 d 04:12:09". */
    clock: (c: Countdown): string => {
      const two = (n: number) => String(n).padStart(2, '0');
      return `${c.days > 0 ? `${c.days} d ` : ''}${two(c.hours)}:${two(c.minutes)}:${two(c.seconds)}`;
    },
  },
  links: {
    heading: 'In your calendar',
    download: 'Download the roadmap (.ics)',
    subscribe: 'Get a subscription address',
    renew: 'Replace my subscription address',
    subscribeHint:
      'Calendar applications (Outlook, Google Calendar, Apple Calendar) follow changes to the roadmap from this private address. Do not share it; getting a new one stops the old one.',
    address: 'Your private subscription address',
    openInCalendar: 'Open in calendar application',
    copy: 'Copy',
    copied: 'Copied.',
  },
  form: {
    addHeading: 'New roadmap entry',
    editHeading: (title: string) => `Edit “${title}”`,
    kind: 'Kind',
    title: 'Title',
    precision: 'How precisely the date is known',
    sittings: 'Dates',
    sitting: (n: number) => `Date ${n}`,
    date: 'Date',
    weekOf: 'Any day of the week',
    start: 'Starts',
    end: 'Ends',
    at: 'At',
    room: 'Room',
    roomHint: 'Only when it differs between dates.',
    addSitting: 'Add a date',
    removeSitting: (n: number) => `Remove date ${n}`,
    format: 'Format',
    noFormat: 'Not applicable',
    audience: 'For',
    tentative: 'Tentative (booked, not confirmed)',
    note: 'Note',
    noteHint: 'E.g. “Morning” or “The reading may conclude earlier.”',
    link: 'Concerns',
    noLink: 'Nothing in particular',
    timeZone: 'Times given in',
    timeZoneHint: (zone: string) =>
      `Leave as ${zone} unless the times were announced in another zone; they are converted. Type part of a city or region (such as Vienna) to choose from the list.`,
    timeZoneUnknown: (name: string) =>
      `“${name}” is not a time zone. Choose one from the list, such as Europe/Vienna or America/New_York.`,
    /** The field of a date problem as the form shows it: "Start of date 1". */
    dateField: (slot: number | null, field: 'start' | 'end' | null): string =>
      slot === null ? 'Dates' : field === 'end' ? `End of date ${slot}` : `Start of date ${slot}`,
    /** What is wrong with a date, by the server's reason code; the format only when it was wrong. */
    dateReasons: {
      missing: () => 'Fill in the date and the time.',
      malformed: () => 'Write dates as YYYY-MM-DD and times as HH:mm.',
      'no-such-day': (value: string) => `There is no such day as ${value.slice(0, 10)}.`,
      'no-such-time': (value: string) => `There is no such time as ${value.slice(11)}.`,
      skipped: (value: string, zone: string) =>
        `${value.slice(11)} on ${value.slice(0, 10)} does not exist in ${zone}: the clocks go forward at that hour.`,
      'end-before-start': () => 'The end must come after the start.',
      'missing-end': () => 'Give the time the activity ends.',
      'end-not-wanted': () => 'An entry known only to the day or week has no end time.',
      'deadline-end': () => 'A deadline is a moment; it has no end.',
      'no-dates': () => 'Give at least one date.',
      'dates-for-tbd': () => 'An entry whose date is to be determined has no dates.',
    } satisfies Record<RoadmapDateReason, (value: string, zone: string) => string>,
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    required: 'Please fill this in.',
  },
  inputs: {
    heading: 'Written inputs',
    loading: 'Loading written inputs…',
    noReading: 'No reading has been opened yet. Written inputs are submitted during a reading.',
    readingPicker: 'Show the questions and inputs of',
    readingOption: (reading: string, open: boolean) => `${reading} (${open ? 'open' : 'closed'})`,
    reading: (label: string) => `${label}`,
    due: 'Inputs are due by',
    closed: 'This reading is closed; its inputs are kept as they were.',
    passed: 'The deadline has passed.',
    questions: 'Guiding questions',
    noQuestions: 'The co-facilitators have posted no guiding questions for this reading.',
    questionLabel: (n: number) => `Question ${n}`,
    general: 'General comments',
    paragraph: 'Comments on a paragraph',
    paragraphSelect: 'Paragraph',
    choose: 'Choose a paragraph',
    choosePrompt: 'Choose the paragraph your comment is about.',
    kinds: {
      general: 'General comments',
      answer: 'Answer',
      paragraph: 'On a paragraph',
    } satisfies Record<InputKind, string>,
    yourAnswer: (n: number) => `Your answer to question ${n}`,
    yourGeneral: 'Your general comments',
    yourComment: (label: string) => `Your comment on ${label}`,
    text: 'Your input',
    submit: 'Submit',
    update: 'Save changes',
    submitting: 'Sending…',
    edit: 'Edit',
    cancel: 'Cancel',
    submitted: 'Input submitted.',
    updated: 'Input updated.',
    as: (who: string) => `Submitted as ${who}, with the time of submission.`,
    asStakeholder: (name: string) =>
      `Submitted as a stakeholder input under your name (${name}), kept apart from Member States’ inputs.`,
    asFacilitator: 'Co-facilitators read the inputs below; delegations and stakeholders submit them.',
    onBehalf: 'Submit for',
    mine: 'Your delegation’s inputs',
    mineStakeholder: 'Your inputs',
    none: 'None yet.',
    version: (n: number, when: string) => `version ${n}, ${when}`,
    history: 'Earlier versions',
    by: (who: string, when: string) => `${who}, ${when}`,
    stakeholderBadge: 'Stakeholder input',
    stakeholders: 'Stakeholder inputs',
    stakeholdersHint: 'From observers; shown to everyone by decision of the co-facilitators.',
    characters: (n: number, max: number) => `${n} of ${max} characters`,
    empty: 'Write something before submitting.',
    tooLong: (max: number) => `At most ${max} characters.`,
  },
  facilitator: {
    heading: 'For the co-facilitators',
    newQuestion: 'New guiding question',
    postQuestion: 'Post the question',
    questionPosted: 'Question posted.',
    visibility: 'Show stakeholder inputs to all participants',
    visibilitySaved: 'Visibility saved.',
    deadline: 'Deadline of this reading',
    deadlineHint: (zone: string) => `In ${zone}. Extending it lets delegations submit and edit again.`,
    extend: 'Change the deadline',
    extended: 'Deadline changed.',
  },
  compilation: {
    heading: 'Compilation',
    summary: (inputs: number, delegations: number, stakeholders: number) =>
      `${plural(inputs, 'input', 'inputs')} from ${plural(delegations, 'delegation', 'delegations')}; ${plural(stakeholders, 'stakeholder input', 'stakeholder inputs')}.`,
    views: 'Arrange the inputs',
    byQuestion: 'By question',
    byParagraph: 'By paragraph',
    byDelegation: 'By delegation',
    stakeholders: 'Stakeholders',
    general: 'General comments',
    export: 'Export as Word (.docx)',
    none: 'No inputs.',
    answerTo: (n: number) => `Answer to question ${n}`,
    on: (label: string) => `On ${label}`,
    submittedBy: (group: string, member: string) => `${group} (submitted by ${member})`,
  },
};
