/** The signed-in person's unsent drafts in this negotiation, each a way back to its form. */
import { messages } from '../i18n/messages.js';
import type { SavedDraft } from './drafts.js';

/** Props of `DraftList`. */
export interface DraftListProps {
  drafts: readonly SavedDraft[];
  /** A paragraph's number (OP4) from its id. */
  labelOf(pid: string): string;
  onResume(draft: SavedDraft): void;
}

/** Lists drafts with a Resume button each; nothing when there are none. */
export function DraftList({ drafts, labelOf, onResume }: DraftListProps) {
  const m = messages.proposals;
  if (drafts.length === 0) return null;
  return (
    <section className="draft-list" aria-labelledby="draft-list-heading" data-testid="draft-list">
      <h2 id="draft-list-heading">{m.drafts.heading}</h2>
      <ul>
        {drafts.map((d) => {
          const kind = d.key.proposalId ? m.drafts.editOf(m.kinds[d.key.kind]) : m.kinds[d.key.kind];
          const what = m.drafts.item(labelOf(d.key.pid), kind, new Date(d.draft.savedAt).toLocaleString());
          return (
            <li key={`${d.key.pid}-${d.key.kind}-${d.key.proposalId ?? ''}`}>
              <span>{what}</span>{' '}
              <button type="button" onClick={() => onResume(d)} aria-label={`${m.drafts.resume}: ${what}`}>
                {m.drafts.resume}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
