/**
 * One change of an amendment on its own, as a proposal's card and the closing dialog list it:
 * "[~~struck~~ **put in**]", by the same rule as every bracket (`shared/pieces.ts`).
 */
import { changePieces } from '../../shared/compilation.js';
import { BracketWords } from './Marked.js';

/** Props of `ChangeWords`. */
export interface ChangeWordsProps {
  change: { deleted: string; inserted: string };
  className?: string;
}

/** The words a change strikes out and puts in, bracketed, followed by a space. */
export function ChangeWords({ change, className = 'card-change' }: ChangeWordsProps) {
  return (
    <span className={className}>
      [
      <BracketWords pieces={changePieces({ changes: [change] })} />]{' '}
    </span>
  );
}
