/**
 * The words of the negotiation's working views in English: what changed since the reader's last
 * visit, and the proposals beside the co-facilitators' editor. Part of `messages`
 * (`messages.workspace`).
 */

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** English texts of the working views. */
export const workspaceMessages = {
  since: {
    region: 'Changes since your last visit',
    heading: (n: number): string => `${plural(n, 'change', 'changes')} since your last visit`,
    none: 'Nothing has changed since your last visit',
    lastVisit: (when: string): string => `Your last visit: ${when}`,
    /** "2 paragraphs changed, 1 new paragraph, 5 proposals tabled or changed". */
    summary: (parts: { text: number; added: number; removed: number; status: number; proposals: number }) =>
      [
        parts.text > 0 && `${plural(parts.text, 'paragraph', 'paragraphs')} reworded`,
        parts.added > 0 && plural(parts.added, 'new paragraph', 'new paragraphs'),
        parts.removed > 0 && `${plural(parts.removed, 'paragraph', 'paragraphs')} removed`,
        parts.status > 0 && `${plural(parts.status, 'paragraph status', 'paragraph statuses')} changed`,
        parts.proposals > 0 && `${plural(parts.proposals, 'proposal', 'proposals')} tabled or changed`,
      ]
        .filter(Boolean)
        .join(', '),
    navLabel: 'Move between the changes since your last visit',
    next: 'Next change',
    previous: 'Previous change',
    position: (n: number, of: number): string => `Change ${n} of ${of}`,
    /** The keys that step through the changes; `next` and `previous` work in the text being edited too. */
    shortcuts: (next: string, previous: string): string =>
      `Keys: ${next} next change, ${previous} previous change (anywhere, also while editing the text); n and p outside the text`,
    list: 'List of changes',
    dismiss: 'Mark all as seen',
    changedTag: 'changed since your last visit',
    cardTag: { tabled: 'New since your last visit', updated: 'Changed since your last visit' },
    kinds: {
      text: 'Text changed',
      added: 'New paragraph',
      removed: 'Paragraph removed',
      status: (before: string, after: string): string => `Status: ${before} → ${after}`,
      tabled: (kind: string, who: string): string => `${kind} tabled — ${who}`,
      updated: (kind: string, who: string, status: string): string =>
        `${kind} changed — ${who} · now ${status}`,
    },
    before: 'before',
    now: 'now',
    removedLabel: (label: string): string => `${label} as numbered then`,
  },
  edit: {
    panel: 'Proposals beside the text',
    empty: 'Put the cursor in a paragraph to see its proposals here.',
    keys: 'From the text, Tab moves to these proposals; Shift+Tab goes back to the text.',
    openInCompilation: 'Open in the compilation',
    /** "3 open proposals on OP5", for the marker beside a paragraph. */
    marker: (label: string, n: number): string =>
      `${plural(n, 'open proposal', 'open proposals')} on ${label}`,
  },
} as const;
