/** One paragraph of the compilation text with its proposals in and after it. */
import { type Collision, collisionPartners } from '../../shared/collisions.js';
import { type CompiledParagraph, changePieces, segmentStarts } from '../../shared/compilation.js';
import { paragraphDirection } from '../../shared/direction.js';
import type { SnapshotRun } from '../../shared/snapshot.js';
import { messages } from '../i18n/messages.js';
import { proposalPieces } from '../readings/proposalPieces.js';
import { StyledText } from '../readings/StyledText.js';
import { Bracket } from './Bracket.js';
import { IncorporatedWords } from './IncorporatedWords.js';

/** Props of `CompiledParagraphView`. */
export interface CompiledParagraphViewProps {
  paragraph: CompiledParagraph;
  /** Open proposals on this paragraph (all kinds), for the count badge. */
  openCount: number;
  /** The paragraph's colliding proposals (`findCollisions`): their brackets marked, counted in the margin. */
  collisions?: readonly Collision[];
  selected: boolean;
  selectedProposal: string | null;
  /** Absent for a read-only text (a recorded snapshot, a print view): nothing is selectable. */
  onSelect?: (pid: string) => void;
  onSelectProposal?: (pid: string, proposalId: string) => void;
  /** The paragraph's runs, to set its italics and bold where no proposal is. */
  runs?: readonly SnapshotRun[];
  /** True for a closed reading's record: each proposal shows its outcome, applied ones too. */
  showOutcome?: boolean;
  /** True when the paragraph changed since the reader's last visit (a mark of its own). */
  since?: boolean;
  /** Proposals tabled or changed since the reader's last visit. */
  sinceProposals?: ReadonlyMap<string, 'tabled' | 'updated'>;
}

/** A numbered paragraph: base text with bracketed amendments, then whole-paragraph proposals. */
export function CompiledParagraphView({
  paragraph: p,
  openCount,
  collisions = [],
  selected,
  selectedProposal,
  onSelect,
  onSelectProposal,
  runs,
  showOutcome = false,
  since = false,
  sinceProposals,
}: CompiledParagraphViewProps) {
  const m = messages.proposals;
  const pick = onSelectProposal && ((id: string) => onSelectProposal(p.pid, id));
  const outcome = (status: keyof typeof m.statuses) => (showOutcome ? m.statuses[status] : undefined);
  const starts = segmentStarts(p.segments);
  const partners = collisionPartners(collisions);
  const countLabel = [
    ...(openCount > 0 ? [m.countLabel(openCount)] : []),
    ...(collisions.length > 0 ? [m.collisions.countLabel(collisions.length)] : []),
  ]
    .map((t) => `, ${t}`)
    .join('');
  // Right to left when the paragraph's text is (Arabic): its number's column then on the right.
  const dir = paragraphDirection(
    p.segments.map((s) => (s.type === 'point' ? '' : s.type === 'cluster' ? s.base : s.text)).join(''),
  );
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the number button is the keyboard way to select a paragraph
    <section
      className={`c-para ${p.kind} status-${p.status}${selected ? ' selected' : ''}${since ? ' since-visit' : ''}`}
      data-pid={p.pid}
      dir={dir}
      aria-labelledby={`label-${p.pid}`}
      onClick={onSelect && (() => onSelect(p.pid))}
    >
      <div className="c-margin">
        {!onSelect && (
          <span id={`label-${p.pid}`} className="c-label c-label-static">
            {p.label}
          </span>
        )}
        {onSelect && (
          <button
            type="button"
            id={`label-${p.pid}`}
            className="c-label"
            aria-pressed={selected}
            aria-label={`${p.label}${countLabel}`}
            onClick={(e) => {
              e.stopPropagation();
              onSelect(p.pid);
            }}
          >
            {p.label}
          </button>
        )}
        {openCount > 0 && (
          <span className="c-count" aria-hidden="true">
            {openCount}
          </span>
        )}
        {collisions.length > 0 && (
          <span
            className="c-collisions"
            aria-hidden="true"
            title={m.collisions.countLabel(collisions.length)}
          >
            {m.collisions.mark(collisions.length)}
          </span>
        )}
        {since && <span className="since-visit-tag">{messages.workspace.since.changedTag}</span>}
      </div>
      <div className="c-body">
        {p.status !== 'pending' && (
          <span className={`badge status-${p.status}`}>{m.paragraphStatuses[p.status]}</span>
        )}
        <p className="c-text">
          {p.segments.map((s, i) => {
            if (s.type === 'text')
              // biome-ignore lint/suspicious/noArrayIndexKey: text runs have no identity of their own; the list is rebuilt as a whole.
              return <StyledText key={`t${i}`} text={s.text} from={starts[i]!} runs={runs} />;
            if (s.type === 'incorporated')
              return (
                <IncorporatedWords
                  key={`i${s.from}-${s.proposal.id}`}
                  proposal={s.proposal}
                  selected={selectedProposal === s.proposal.id}
                  onSelect={pick}
                >
                  <StyledText text={s.text} from={s.from} runs={runs} />
                </IncorporatedWords>
              );
            if (s.type === 'point')
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: several points may share an offset; the list is rebuilt as a whole.
                <span key={`p${s.at}-${i}`} className="cluster point">
                  {s.spaceBefore && ' '}
                  {s.entries.map((e) => (
                    <Bracket
                      key={e.proposal.id}
                      proposal={e.proposal}
                      pieces={e.pieces}
                      tag={e.state === 'outdated' ? m.outdated : m.incorporated}
                      variant={e.state}
                      selected={selectedProposal === e.proposal.id}
                      since={sinceProposals?.has(e.proposal.id)}
                      onSelect={pick}
                      note={outcome(e.proposal.status)}
                    />
                  ))}
                  {s.spaceAfter && ' '}
                </span>
              );
            return (
              <span key={`c${s.from}`} className="cluster">
                {s.spaceBefore && ' '}
                {s.entries.map((e) => (
                  <Bracket
                    key={e.proposal.id}
                    proposal={e.proposal}
                    pieces={e.pieces}
                    collides={partners.get(e.proposal.id)}
                    selected={selectedProposal === e.proposal.id}
                    since={sinceProposals?.has(e.proposal.id)}
                    onSelect={pick}
                    note={outcome(e.proposal.status)}
                  />
                ))}
                {s.spaceAfter && ' '}
              </span>
            );
          })}
        </p>
        {(p.wholeParagraph.length > 0 || p.outdated.length > 0 || p.applied.length > 0) && (
          <p className="c-after" dir="auto">
            {p.wholeParagraph.map((w) => (
              <Bracket
                key={w.id}
                proposal={w}
                pieces={[]}
                tag={w.kind === 'delete' ? m.bracketDelete : m.bracketRetain}
                collides={partners.get(w.id)}
                selected={selectedProposal === w.id}
                since={sinceProposals?.has(w.id)}
                onSelect={pick}
                note={outcome(w.status)}
              />
            ))}
            {p.outdated.map((o) => (
              <Bracket
                key={o.id}
                proposal={o}
                pieces={changePieces(o)}
                tag={m.outdated}
                variant="outdated"
                selected={selectedProposal === o.id}
                since={sinceProposals?.has(o.id)}
                onSelect={pick}
                note={outcome(o.status)}
              />
            ))}
            {p.applied.map((a) =>
              showOutcome ? (
                <Bracket
                  key={a.id}
                  proposal={a}
                  pieces={proposalPieces(a)}
                  tag={messages.readings.snapshot.applied}
                  selected={false}
                  note={outcome(a.status)}
                />
              ) : (
                <Bracket
                  key={a.id}
                  proposal={a}
                  pieces={proposalPieces(a)}
                  tag={m.incorporated}
                  variant="incorporated"
                  selected={selectedProposal === a.id}
                  since={sinceProposals?.has(a.id)}
                  onSelect={pick}
                />
              ),
            )}
          </p>
        )}
        {p.alternatives.map((a) => (
          <p key={a.id} className="c-alt" dir={paragraphDirection(a.text)}>
            <span className="c-inline-label">
              {p.label} {m.alt}
            </span>{' '}
            <Bracket
              proposal={a}
              pieces={[{ kind: 'ins', text: a.text }]}
              collides={partners.get(a.id)}
              selected={selectedProposal === a.id}
              since={sinceProposals?.has(a.id)}
              onSelect={pick}
              note={outcome(a.status)}
            />
          </p>
        ))}
        {p.comments.map((c) => (
          <p key={c.id} className="c-comment" dir={paragraphDirection(c.text)}>
            <Bracket
              proposal={c}
              pieces={[{ kind: 'text', text: c.text }]}
              tag={c.reservation ? m.reservation : m.comment}
              selected={selectedProposal === c.id}
              since={sinceProposals?.has(c.id)}
              onSelect={pick}
              note={outcome(c.status)}
            />
          </p>
        ))}
      </div>
      {p.inserts.map((ins) => (
        <div
          key={ins.proposal.id}
          className={`c-para c-insert ${p.kind}`}
          data-insert-label={ins.label}
          dir={paragraphDirection(ins.proposal.text)}
        >
          <div className="c-margin">
            <span className="c-label c-label-static">{ins.label}</span>
          </div>
          <div className="c-body">
            <p className="c-text">
              <Bracket
                proposal={ins.proposal}
                pieces={[{ kind: 'ins', text: ins.proposal.text }]}
                selected={selectedProposal === ins.proposal.id}
                since={sinceProposals?.has(ins.proposal.id)}
                onSelect={pick}
                note={outcome(ins.proposal.status)}
              />
            </p>
          </div>
        </div>
      ))}
    </section>
  );
}
