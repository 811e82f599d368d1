/** A recorded snapshot's text, read-only, clean or as a compilation, set like the live text. */
import { useMemo } from 'react';
import type { LiveContext } from '../../shared/shownProposals.js';
import type { CanonicalSnapshot } from '../../shared/snapshot.js';
import { messages } from '../i18n/messages.js';
import '../proposals/compilation.css';
import { CompiledParagraphView } from '../proposals/CompiledParagraphView.js';
import './records.css';
import type { TextMode } from './routes.js';
import { compileSnapshot } from './snapshotText.js';

/** Props of `SnapshotText`. */
export interface SnapshotTextProps {
  snapshot: CanonicalSnapshot;
  mode: TextMode;
  /**
   * For the live text: where the negotiation stands, so that the words the current reading's
   * incorporated proposals put in are marked as theirs (null until known).
   */
  live?: LiveContext | null;
  className?: string;
}

/** The text as a sheet: title, section headings, numbered paragraphs with their proposals. */
export function SnapshotText({ snapshot, mode, live = null, className }: SnapshotTextProps) {
  const blocks = useMemo(() => compileSnapshot(snapshot, mode, live), [snapshot, mode, live]);
  const m = messages.proposals.views;
  return (
    <article
      className={`compilation snapshot-text${className ? ` ${className}` : ''}`}
      aria-label={`${snapshot.label} — ${mode === 'clean' ? m.clean : m.compilation}`}
      data-testid="snapshot-text"
      data-mode={mode}
    >
      {blocks.map((b) => {
        if (b.type === 'title')
          return (
            <h2 key={b.key} className="c-title" dir="auto">
              {b.text}
            </h2>
          );
        if (b.type === 'section')
          return (
            <h3 key={b.key} className="c-section" dir="auto">
              {b.text}
            </h3>
          );
        return (
          <CompiledParagraphView
            key={b.key}
            paragraph={b.paragraph}
            openCount={0}
            selected={false}
            selectedProposal={null}
            runs={b.runs}
            showOutcome={snapshot.kind === 'reading'}
          />
        );
      })}
    </article>
  );
}
