/**
 * Words of the base text that an applied amendment put in, marked with who proposed them:
 * "⌜words⌝ incorporated: European Union". Set apart from open proposals' square brackets by
 * corner marks, a double underline and the word "incorporated", and read out as such.
 */
import type { ReactNode } from 'react';
import type { ProposalView } from '../../shared/proposals.js';
import { messages } from '../i18n/messages.js';
import { attributionOf } from './attribution.js';

/** Props of `IncorporatedWords`. */
export interface IncorporatedWordsProps {
  proposal: ProposalView;
  /** The words, as the text sets them. */
  children: ReactNode;
  selected: boolean;
  /** Absent where nothing is selectable. */
  onSelect?: ((id: string) => void) | undefined;
}

/** Base words that came from an applied proposal; activating them selects it. */
export function IncorporatedWords({ proposal, children, selected, onSelect }: IncorporatedWordsProps) {
  const m = messages.proposals;
  const who = attributionOf(proposal);
  const content = (
    <>
      <span className="visually-hidden">{m.incorporatedStart(who)}</span>
      <span className="incorporated-words">{children}</span>
      <span className="visually-hidden">{m.incorporatedEnd}</span>
      <span className="incorporated-tag" aria-hidden="true">
        {m.incorporatedTag(who)}
      </span>
    </>
  );
  const className = `incorporated${selected ? ' selected' : ''}`;
  if (!onSelect)
    return (
      <span className={className} data-proposal-id={proposal.id} data-delegation={proposal.delegation.code}>
        {content}
      </span>
    );
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
      className={className}
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
