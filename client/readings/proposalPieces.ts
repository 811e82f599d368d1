/** A proposal shown on its own (outside its paragraph) as a bracket: its words and the word for its kind. */
import { changePieces } from '../../shared/compilation.js';
import type { Piece } from '../../shared/pieces.js';
import type { ProposalBrief } from '../../shared/proposals.js';
import { messages } from '../i18n/messages.js';

/** The pieces of a proposal's bracket: deleted and inserted words, a new text, or a comment. */
export function proposalPieces(p: ProposalBrief): Piece[] {
  switch (p.kind) {
    case 'amend':
      return changePieces(p);
    case 'insert':
    case 'alt':
      return [{ kind: 'ins', text: p.text }];
    case 'comment':
      return [{ kind: 'text', text: p.text }];
    case 'delete':
    case 'retain':
      return [];
  }
}

/** The word before a bracket's pieces ("delete", "alt", "Comment"), if its kind has one. */
export function proposalTag(p: ProposalBrief): string | undefined {
  const m = messages.proposals;
  switch (p.kind) {
    case 'delete':
      return m.bracketDelete;
    case 'retain':
      return m.bracketRetain;
    case 'alt':
      return m.alt;
    case 'comment':
      return p.reservation ? m.reservation : m.comment;
    case 'insert':
      return m.kinds.insert.toLowerCase();
    case 'amend':
      return undefined;
  }
}
