/** One proposal rendered as a bracket inside or after the text: [~~deleted~~ **inserted** — EU]. */
import type { Piece } from '../../shared/compilation.js';
import type { ProposalView } from '../../shared/proposals.js';
import { attributionOf } from './attribution.js';

/** Props of `Bracket`. */
export interface BracketProps {
  proposal: ProposalView;
  pieces: readonly Piece[];
  /** A word before the pieces, such as "delete" or "outdated". */
  tag?: string;
  selected: boolean;
  onSelect(id: string): void;
}

/** A bracketed, attributed proposal; activating it selects the proposal. */
export function Bracket({ proposal, pieces, tag, selected, onSelect }: BracketProps) {
  const classes = ['bracket', proposal.byFacilitators ? 'by-facilitators' : '', selected ? 'selected' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <button
      type="button"
      className={classes}
      data-proposal-id={proposal.id}
      data-delegation={proposal.delegation.code}
      aria-pressed={selected}
      onClick={(e) => {
        e.stopPropagation();
        onSelect(proposal.id);
      }}
    >
      [{tag && <span className="bracket-tag">{tag} </span>}
      {pieces.map((piece, i) => {
        const key = `${i}-${piece.kind}`;
        if (piece.kind === 'ins')
          return (
            <ins key={key}>
              <strong>{piece.text}</strong>
            </ins>
          );
        if (piece.kind === 'del') return <del key={key}>{piece.text}</del>;
        return <span key={key}>{piece.text}</span>;
      })}
      <span className="attribution"> — {attributionOf(proposal)}</span>]
    </button>
  );
}
