/** A piece of a bracket or a comparison with the italics and bold of the base text it comes from. */
import type { Piece } from '../../shared/pieces.js';

/** The piece's words, in <em> and <strong> as its marks say; a bare string when it has none. */
export function Marked({ piece }: { piece: Piece }) {
  const inner = piece.strong ? <strong>{piece.text}</strong> : piece.text;
  return piece.em ? <em>{inner}</em> : inner;
}
