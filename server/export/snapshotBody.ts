/**
 * The body of an exported text: the clean text, or the compilation text with every shown
 * proposal bracketed and attributed inside or after its paragraph (insertions bold, deletions
 * struck through, co-facilitators' text in grey italics), every kind of proposal attributed
 * alike ("[… — European Union]"), a bracketed paragraph's text between square brackets. A
 * closed reading's record gives each proposal its outcome, and lists those applied to the text
 * whose words it cannot mark, as its screen and print view do. The clean text is the
 * snapshot's text character for character.
 */
import type { Paragraph, TextRun } from 'docx';
import { changePieces, compileParagraph, type ResolvedProposal } from '../../shared/compilation.js';
import { paragraphDirection } from '../../shared/direction.js';
import { bracketPieces, type Piece } from '../../shared/pieces.js';
import type { ParagraphStatus, ProposalView } from '../../shared/proposals.js';
import { isParagraphType } from '../../shared/schema.js';
import { shownInCompilation } from '../../shared/shownProposals.js';
import { type CanonicalSnapshot, type SnapshotBlock, snapshotInserts } from '../../shared/snapshot.js';
import { attributionOf, STATUS_NAMES } from './attribution.js';
import {
  GREY,
  headingParagraph,
  markedRuns,
  noteParagraph,
  numberedParagraph,
  pieceMarks,
  type RunStyle,
  textRun,
  titleParagraph,
} from './layout.js';

/** Clean text, or compilation text with proposals. */
export type ExportMode = 'clean' | 'compilation';

const PIECE_STYLES: Record<Piece['kind'], RunStyle> = {
  text: {},
  ins: { bold: true },
  del: { strike: true },
};

/** The note after a paragraph's text for its status; a bracketed one is put between [ ] instead. */
const STATUS_NOTES: Record<ParagraphStatus, string | null> = {
  pending: null,
  bracketed: null,
  'agreed-ad-ref': 'agreed ad ref.',
  deleted: 'deleted',
};

/**
 * The paragraphs of a snapshot's text in the given mode; a compilation shows the proposals that
 * pass `shown` (by default `shownInCompilation` for the snapshot's kind, without traces).
 */
export function snapshotBody(
  s: CanonicalSnapshot,
  mode: ExportMode,
  shown: (p: ProposalView) => boolean = shownInCompilation(s.kind, null),
): Paragraph[] {
  const inserts = snapshotInserts(s);
  const byPid = new Map<string, ResolvedProposal[]>();
  if (mode === 'compilation')
    for (const r of s.proposals)
      if (shown(r.proposal)) {
        const at = inserts.shownAfter(r.proposal);
        byPid.set(at, [...(byPid.get(at) ?? []), r]);
      }
  return s.blocks.flatMap((block): Paragraph[] => {
    if (block.type === 'title') return [titleParagraph(block.text)];
    if (block.type === 'section')
      return [headingParagraph(markedRuns(block.runs, block.text, 0, block.text.length, { bold: true }))];
    if (mode === 'clean' || block.pid === undefined) {
      // The clean text leaves out paragraphs marked deleted (the compilation shows them struck).
      if (block.pid !== undefined && s.paragraphStatuses[block.pid] === 'deleted') return [];
      return [
        numberedParagraph(
          block.label ?? '',
          markedRuns(block.runs, block.text, 0, block.text.length),
          undefined,
          { direction: paragraphDirection(block.text) },
        ),
      ];
    }
    return compiledParagraphs(
      block,
      byPid.get(block.pid) ?? [],
      s.paragraphStatuses[block.pid] ?? 'pending',
      inserts.labels,
      s.kind === 'reading',
    );
  });
}

/** A paragraph with its proposals inside, then its whole-paragraph proposals, alternatives, comments and new paragraphs. */
function compiledParagraphs(
  block: SnapshotBlock,
  proposals: readonly ResolvedProposal[],
  status: ParagraphStatus,
  insertLabels: ReadonlyMap<string, string>,
  outcomes: boolean,
): Paragraph[] {
  if (!isParagraphType(block.type)) throw new TypeError(`${block.type} is not a paragraph`);
  // In a closed reading's record each proposal says what became of it.
  const outcome = (p: ProposalView) => (outcomes ? STATUS_NAMES[p.status] : undefined);
  const label = block.label ?? '';
  const c = compileParagraph(
    {
      pid: block.pid ?? '',
      kind: block.type,
      label,
      text: block.text,
      status,
      runs: block.runs,
      insertLabels,
    },
    proposals,
  );

  const body: TextRun[] = [];
  let at = 0;
  for (const segment of c.segments) {
    if (segment.type === 'text') {
      body.push(...markedRuns(block.runs, block.text, at, at + segment.text.length));
      at += segment.text.length;
    } else if (segment.type === 'point') {
      // Outdated amendments where their words were, marked as such (and applied deletions).
      if (segment.spaceBefore) body.push(textRun(' '));
      for (const e of segment.entries)
        body.push(
          ...bracket(
            e.proposal,
            e.pieces,
            e.state === 'incorporated' ? 'incorporated' : undefined,
            outcome(e.proposal),
          ),
          ...(e.state === 'outdated' ? [textRun(' (outdated)', { italics: true, color: GREY })] : []),
        );
      if (segment.spaceAfter) body.push(textRun(' '));
    } else if (segment.type === 'incorporated') {
      body.push(...incorporatedRuns(block, segment.from, segment.to, segment.proposal));
      at = segment.to;
    } else {
      if (segment.spaceBefore) body.push(textRun(' '));
      segment.entries.forEach((e, i) => {
        if (i > 0) body.push(textRun(' '));
        body.push(...bracket(e.proposal, e.pieces, undefined, outcome(e.proposal)));
      });
      if (segment.spaceAfter) body.push(textRun(' '));
      at = segment.to;
    }
  }
  const note = STATUS_NOTES[status];
  if (note) body.push(textRun(` (${note})`, { italics: true }));
  if (status === 'bracketed') {
    body.unshift(textRun('['));
    body.push(textRun(']'));
  }

  return [
    numberedParagraph(label, body, undefined, { direction: paragraphDirection(block.text) }),
    ...c.wholeParagraph.map((p) => noteParagraph(bracket(p, [], p.kind, outcome(p)))),
    ...c.alternatives.map((p) => numberedParagraph(`${label} alt`, newText(p, outcome(p)))),
    ...c.comments.map((p) =>
      noteParagraph(bracket(p, piece('text', p.text), p.reservation ? 'Reservation' : 'Comment', outcome(p))),
    ),
    ...c.outdated.map((p) =>
      noteParagraph([
        ...bracket(p, changePieces(p), undefined, outcome(p)),
        textRun(' (outdated)', { italics: true, color: GREY }),
      ]),
    ),
    // Applied to the text but not found in it word for word: listed after the paragraph.
    ...c.applied.map((p) =>
      noteParagraph(bracket(p, appliedPieces(p), outcomes ? 'applied' : 'incorporated', outcome(p))),
    ),
    ...c.inserts.map((i) => numberedParagraph(i.label, newText(i.proposal, outcome(i.proposal)))),
  ];
}

/** Colour of the marks around words an incorporated proposal put in (as on screen). */
export const INCORPORATED_COLOR = '1B6E2E';

/**
 * Words of the text that an incorporated proposal put in, as the compilation on screen marks
 * them: "⌜words⌝ incorporated: European Union", the words double-underlined between corner
 * marks, then who proposed them in small capitals. No square brackets: the words are agreed.
 */
function incorporatedRuns(block: SnapshotBlock, from: number, to: number, p: ProposalView): TextRun[] {
  const mark = { color: INCORPORATED_COLOR };
  return [
    textRun('⌜', mark),
    ...markedRuns(block.runs, block.text, from, to, { underline: 'double' }),
    textRun('⌝', mark),
    textRun(` ${incorporatedTag(p)}`, { smallCaps: true, size: 18, color: INCORPORATED_COLOR }),
  ];
}

/** "incorporated: European Union, supported by Norway": the trace of who proposed incorporated words. */
export function incorporatedTag(p: ProposalView): string {
  return `incorporated: ${attributionOf(p)}`;
}

/** "[tag: pieces — attribution · note]", the co-facilitators' set apart in grey italics. */
function bracket(p: ProposalView, pieces: readonly Piece[], tag?: string, note?: string): TextRun[] {
  const base = proposalStyle(p);
  const opening = tag === undefined ? '[' : pieces.length === 0 ? `[${tag}` : `[${tag}: `;
  return [
    textRun(opening, base),
    ...bracketPieces(pieces).map((x) =>
      textRun(x.text, { ...base, ...PIECE_STYLES[x.kind], ...pieceMarks(x) }),
    ),
    textRun(` — ${attributionOf(p)}${note ? ` · ${note}` : ''}]`, base),
  ];
}

/** The proposed text of a new or alternative paragraph, attributed as every bracket: "[text — Switzerland · note]". */
function newText(p: ProposalView, note?: string): TextRun[] {
  return bracket(p, piece('ins', p.text), undefined, note);
}

/** What an applied proposal put in: an amendment's changes, or its new text. */
function appliedPieces(p: ProposalView): Piece[] {
  return p.kind === 'amend' ? changePieces(p) : piece('ins', p.text);
}

function proposalStyle(p: ProposalView): RunStyle {
  return p.byFacilitators ? { italics: true, color: GREY } : {};
}

function piece(kind: Piece['kind'], text: string): Piece[] {
  return text === '' ? [] : [{ kind, text }];
}
