/**
 * The compilation text, the default reading view: the live base text with every proposal
 * bracketed and attributed inside it, and beside it the panel of the selected paragraph.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import './compilation.css';
import type * as Y from 'yjs';
import type { ProposalKind, ProposalView } from '../../shared/proposals.js';
import { messages } from '../i18n/messages.js';
import { NO_MARKS, type Reveal, type SinceMarks } from '../visits/sinceMarks.js';
import type { BoardState } from './boardState.js';
import { CompiledParagraphView } from './CompiledParagraphView.js';
import {
  compileDraft,
  DEFAULT_FILTER,
  liveProposals,
  liveTest,
  type ProposalFilter,
} from './compiledText.js';
import { Filters } from './Filters.js';
import { ProposalPanel } from './ProposalPanel.js';
import type { AmendmentWords } from './proposalApi.js';
import { SuggestionEditor } from './SuggestionEditor.js';
import { tablingOptions } from './TablingAs.js';
import { TextProposalForm } from './TextProposalForm.js';
import { useDraftVersion } from './useDraftVersion.js';
import { useProposalActions } from './useProposalActions.js';
import type { Viewer } from './viewer.js';

/** Props of `CompilationView`. */
export interface CompilationViewProps {
  negotiationId: string;
  /** The draft's live Y.Doc (from the draft connection). */
  doc: Y.Doc;
  /** The live proposals board of the negotiation. */
  board: BoardState;
  viewer: Viewer;
  /** What changed since the reader's last visit, highlighted. */
  since?: SinceMarks;
  /** A paragraph (and proposal) to select, scroll to and focus. */
  reveal?: Reveal | null;
}

type Editing = {
  kind: Exclude<ProposalKind, 'delete' | 'retain'>;
  pid: string;
  proposal?: ProposalView;
  /** When editing an amendment: the texts it was written as. */
  words?: AmendmentWords;
} | null;

/** The compilation text with the proposal panel. */
export function CompilationView({
  negotiationId,
  doc,
  board,
  viewer,
  since = NO_MARKS,
  reveal = null,
}: CompilationViewProps) {
  const m = messages.proposals;
  const version = useDraftVersion(doc);
  const { api, busy, notice, setNotice, run, card, setParagraphStatus } = useProposalActions(negotiationId);
  const [filter, setFilter] = useState<ProposalFilter>(DEFAULT_FILTER);
  const [selected, setSelected] = useState<string | null>(null);
  const [selectedProposal, setSelectedProposal] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);

  // Only the open reading's proposals are live: open ones of a closed reading are not bracketed.
  const live = useMemo(() => liveProposals(board), [board]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` changes whenever the Y.Doc does
  const blocks = useMemo(
    () => compileDraft(doc, live, board.statuses, filter),
    [doc, version, live, board.statuses, filter],
  );
  const selectedBlock = blocks.find((b) => b.type === 'paragraph' && b.paragraph.pid === selected);
  const selectedPara = selectedBlock?.type === 'paragraph' ? selectedBlock : undefined;
  const tableAs = tablingOptions(viewer.role === 'delegate' ? viewer.delegation : null);
  const isLiveNow = liveTest(board.negotiation);

  const actions = {
    ...card,
    edit: (p: ProposalView) => {
      const kind = p.kind;
      if (kind === 'delete' || kind === 'retain') return;
      if (kind !== 'amend') {
        setEditing({ kind, pid: p.pid, proposal: p });
        return;
      }
      void run(async () => {
        const words = await api.words(p.id);
        setEditing({ kind, pid: p.pid, proposal: p, words });
      }, m.done.opened);
    },
    start: (kind: ProposalKind) => {
      if (!selected || kind === 'delete' || kind === 'retain') return;
      setNotice(null);
      setEditing({ kind, pid: selected });
    },
    table: (kind: 'delete' | 'retain') => {
      if (selected)
        void run(() => api.table({ kind, pid: selected, ...asDelegation(tableAs) }), m.done.tabled);
    },
    setParagraphStatus: (status: Parameters<typeof api.setParagraphStatus>[1]) => {
      if (selected) setParagraphStatus(selected, status);
    },
  };

  const submitText = async (text: string, reservation: boolean, delegation: string | undefined) => {
    if (!editing || editing.kind === 'amend') return;
    const ok = editing.proposal
      ? await run(() => api.edit(editing.proposal!.id, text), m.done.edited)
      : await run(
          () =>
            api.table({
              kind: editing.kind,
              pid: editing.pid,
              text,
              ...(editing.kind === 'comment' ? { reservation } : {}),
              ...(delegation ? { delegation } : {}),
            }),
          m.done.tabled,
        );
    if (ok) setEditing(null);
  };

  const submitAmendment = async (text: string, baseText: string, delegation: string | undefined) => {
    if (!editing) return;
    if (editing.proposal) await api.edit(editing.proposal.id, text, baseText);
    else
      await api.table({
        kind: 'amend',
        pid: editing.pid,
        text,
        baseText,
        ...(delegation ? { delegation } : {}),
      });
    setNotice({ text: editing.proposal ? m.done.edited : m.done.tabled, error: false });
    setEditing(null);
  };

  const select = (pid: string) => {
    setSelected(pid);
    setSelectedProposal(null);
    if (editing && editing.pid !== pid) setEditing(null);
  };

  const article = useRef<HTMLElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per request to reveal
  useEffect(() => {
    if (!reveal) return;
    select(reveal.pid);
    setSelectedProposal(reveal.proposalId);
    const root = article.current;
    const section = root?.querySelector<HTMLElement>(`section[data-pid="${CSS.escape(reveal.pid)}"]`);
    if (!root || !section) return;
    const bracket = reveal.proposalId
      ? section.querySelector<HTMLElement>(`[data-proposal-id="${CSS.escape(reveal.proposalId)}"]`)
      : null;
    const target = bracket ?? section.querySelector<HTMLElement>('.c-label');
    section.scrollIntoView({ block: 'center' });
    target?.focus({ preventScroll: true });
  }, [reveal]);

  return (
    <div className="compilation-layout">
      <article
        ref={article}
        className="compilation"
        aria-label={m.views.compilation}
        data-testid="compilation"
      >
        {blocks.map((b) => {
          if (b.type === 'title')
            return (
              <h2 key="title" className="c-title">
                {b.text}
              </h2>
            );
          if (b.type === 'section')
            return (
              <h3 key={b.key} className="c-section">
                {b.text}
              </h3>
            );
          const p = b.paragraph;
          if (editing?.kind === 'amend' && editing.pid === p.pid) {
            return (
              <section key={p.pid} className={`c-para ${p.kind} editing`} data-pid={p.pid}>
                <div className="c-margin">
                  <span className="c-label c-label-static">{p.label}</span>
                </div>
                <div className="c-body">
                  <SuggestionEditor
                    label={p.label}
                    baseText={b.text}
                    {...(editing.words ? { initial: editing.words } : {})}
                    tableAs={tableAs}
                    onSubmit={submitAmendment}
                    onCancel={() => setEditing(null)}
                  />
                </div>
              </section>
            );
          }
          return (
            <CompiledParagraphView
              key={p.pid}
              paragraph={p}
              runs={b.runs}
              openCount={b.proposals.filter(isLiveNow).length}
              since={since.paragraphs.has(p.pid)}
              sinceProposals={since.proposals}
              selected={selected === p.pid}
              selectedProposal={selectedProposal}
              onSelect={select}
              onSelectProposal={(pid, id) => {
                select(pid);
                setSelectedProposal(id);
              }}
            />
          );
        })}
      </article>
      <aside className="side-panel" aria-label={m.panel.filters}>
        <Filters filter={filter} proposals={board.proposals} onChange={setFilter} />
        <div role="status" aria-live="polite" className={`notice${notice?.error ? ' error' : ''}`}>
          {notice?.text}
        </div>
        <ProposalPanel
          viewer={viewer}
          paragraph={
            selectedPara
              ? {
                  pid: selectedPara.paragraph.pid,
                  label: selectedPara.paragraph.label,
                  status: selectedPara.paragraph.status,
                }
              : null
          }
          proposals={board.proposals}
          negotiation={board.negotiation}
          filter={{ ...filter, status: null }}
          selectedProposal={selectedProposal}
          since={since.proposals}
          busy={busy}
          actions={actions}
          form={
            editing && editing.kind !== 'amend' && editing.pid === selected ? (
              <TextProposalForm
                key={editing.proposal?.id ?? editing.kind}
                kind={editing.kind}
                label={selectedPara?.paragraph.label ?? ''}
                {...(editing.proposal ? { initialText: editing.proposal.text } : {})}
                tableAs={editing.proposal ? [] : tableAs}
                onSubmit={submitText}
                onCancel={() => setEditing(null)}
              />
            ) : null
          }
        />
      </aside>
    </div>
  );
}

function asDelegation(options: readonly { code: string }[]): { delegation?: string } {
  return options.length > 0 ? { delegation: options[0]!.code } : {};
}
