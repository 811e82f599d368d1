/**
 * An imported item's change as the compilation shows a bracket: a paragraph's words with the
 * change bracketed where it falls ("We commit to [~~enhance~~ **strengthen**] cooperation"), a
 * deleted paragraph struck through, a new paragraph in bold after its number, a comment after the
 * words it is on.
 */
import type { ImportItem } from '../../shared/amendmentImport.js';
import { changePieces } from '../../shared/compilation.js';
import { messages } from '../i18n/messages.js';
import { BracketWords } from '../proposals/Marked.js';

/** Words kept on each side of a change before they are shortened. */
const CONTEXT = 90;

function shortenStart(text: string): string {
  return text.length > CONTEXT ? `…${text.slice(text.length - CONTEXT)}` : text;
}

function shortenEnd(text: string): string {
  return text.length > CONTEXT ? `${text.slice(0, CONTEXT)}…` : text;
}

/** The change of `item`, bracketed in its paragraph's words. */
export function ChangeInContext({ item }: { item: ImportItem }) {
  const m = messages.amendments;
  if (item.kind === 'insert')
    return (
      <p className="import-change">
        [
        <ins>
          <strong>{item.text}</strong>
        </ins>
        ]
      </p>
    );
  if (item.kind === 'comment')
    return (
      <p className="import-change">
        {item.quoted ? (
          <span className="import-quoted">{m.commentOn(shortenEnd(item.quoted.trim()))} </span>
        ) : null}
        {item.text}
      </p>
    );
  if (item.kind === 'delete')
    return (
      <p className="import-change">
        [<del>{item.before}</del>]
      </p>
    );
  const parts = [];
  let at = 0;
  item.changes.forEach((c, i) => {
    const between = item.before.slice(at, c.from);
    // The bracket drops the spaces at its edges: set them outside it where the text has none.
    const words = `${c.deleted}${c.inserted}`;
    const before = /^\s/.test(c.deleted) || /^\s/.test(c.inserted) || words === '' ? ' ' : '';
    const after = /\s$/.test(c.deleted) || /\s$/.test(c.inserted) ? ' ' : '';
    const lead = between === '' || /\s$/.test(between) ? '' : before;
    const next = item.changes[i + 1]?.from ?? item.before.length;
    const trail = /^\s/.test(item.before.slice(c.to, next)) || c.to === item.before.length ? '' : after;
    parts.push(<span key={`t${c.from}`}>{(i === 0 ? shortenStart(between) : between) + lead}</span>);
    parts.push(
      <span key={`c${c.from}-${c.to}`} className="import-bracket">
        [<BracketWords pieces={changePieces({ changes: [c] })} />]
      </span>,
    );
    parts.push(<span key={`s${c.to}`}>{trail}</span>);
    at = c.to;
  });
  parts.push(<span key="end">{shortenEnd(item.before.slice(at))}</span>);
  return <p className="import-change">{parts}</p>;
}
