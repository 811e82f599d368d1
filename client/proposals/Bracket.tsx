/** One proposal rendered as a bracket inside or after the text: [~~deleted~~ **inserted** — EU]. */
import type { Piece } from '../../shared/pieces.js';
import type { ProposalBrief } from '../../shared/proposals.js';
import { messages } from '../i18n/messages.js';
import { attributionOf } from './attribution.js';
import { BracketWords } from './Marked.js';

/** Props of `Bracket`. */
export interface BracketProps {
  proposal: ProposalBrief;
  pieces: readonly Piece[];
  /** A word before the pieces, such as "delete" or "outdated". */
  tag?: string;
  selected: boolean;
  /** Absent where nothing is selectable (a recorded snapshot, a comparison): a plain span. */
  onSelect?: ((id: string) => void) | undefined;
  /** A word after the attribution, such as the proposal's outcome in a closed reading. */
  note?: string | undefined;
  /** Set apart as outdated (its words were rewritten since) or as already in the text. */
  variant?: 'outdated' | 'incorporated' | undefined;
  /** True when tabled or changed since the reader's last visit (a mark of its own). */
  since?: boolean | undefined;
  /** How many other open proposals change the same words (`findCollisions`); absent or 0: none. */
  collides?: number | undefined;
}

/** A bracketed, attributed proposal; activating it selects the proposal. */
export function Bracket({
  proposal,
  pieces,
  tag,
  selected,
  onSelect,
  note,
  variant,
  since,
  collides = 0,
}: BracketProps) {
  const m = messages.proposals.collisions;
  const classes = [
    'bracket',
    proposal.byFacilitators ? 'by-facilitators' : '',
    variant ?? '',
    selected ? 'selected' : '',
    since ? 'since-visit' : '',
    collides > 0 ? 'collides' : '',
  ]
    .filter(Boolean)
    .join(' ');
  // Each span holds one string (one text node): brackets come by the thousand in a comparison.
  const content = (
    <>
      [{tag && <span className="bracket-tag">{`${tag} `}</span>}
      <BracketWords pieces={pieces} />
      {/* Isolated, so that a Latin name keeps its order inside an Arabic paragraph. */}
      <span className="attribution" dir="auto">{` — ${attributionOf(proposal)}`}</span>
      {note && <span className="bracket-note">{` · ${note}`}</span>}
      {since && <span className="visually-hidden">{` (${messages.workspace.since.changedTag})`}</span>}
      {collides > 0 && (
        <>
          <span className="collision-mark" aria-hidden="true" title={m.label(collides)}>
            {m.mark(collides)}
          </span>
          <span className="visually-hidden">{` (${m.label(collides)})`}</span>
        </>
      )}
      ]
    </>
  );
  if (!onSelect) {
    return (
      <span
        className={`${classes} static`}
        data-proposal-id={proposal.id}
        data-delegation={proposal.delegation.code}
        data-status={proposal.status}
      >
        {content}
      </span>
    );
  }
  const activate = (e: React.SyntheticEvent) => {
    e.stopPropagation();
    onSelect(proposal.id);
  };
  return (
    // A <button> cannot wrap across lines inside running text; this span acts as one.
    // biome-ignore lint/a11y/useSemanticElements: see above
    <span
      role="button"
      tabIndex={0}
      className={classes}
      data-proposal-id={proposal.id}
      data-delegation={proposal.delegation.code}
      aria-pressed={selected}
      onClick={activate}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          activate(e);
        }
      }}
    >
      {content}
    </span>
  );
}
