/** A piece of a bracket or a comparison with the italics and bold of the base text it comes from. */
import { bracketPieces, type Piece } from '../../shared/pieces.js';

/** The piece's words, in <em> and <strong> as its marks say; a bare string when it has none. */
export function Marked({ piece }: { piece: Piece }) {
  const inner = piece.strong ? <strong>{piece.text}</strong> : piece.text;
  return piece.em ? <em>{inner}</em> : inner;
}

/**
 * The words inside a bracket by the shared rule (`bracketPieces`): struck words in <del>, words
 * put in in bold <ins>, the words around them in a span each (one text node per element: brackets
 * come by the thousand in a comparison).
 */
export function BracketWords({ pieces }: { pieces: readonly Piece[] }) {
  return bracketPieces(pieces).map((piece, i) => {
    const key = `${i}-${piece.kind}`;
    if (piece.kind === 'ins')
      return (
        <ins key={key}>
          <strong>
            <Marked piece={piece} />
          </strong>
        </ins>
      );
    if (piece.kind === 'del')
      return (
        <del key={key}>
          <Marked piece={piece} />
        </del>
      );
    return (
      <span key={key}>
        <Marked piece={piece} />
      </span>
    );
  });
}
