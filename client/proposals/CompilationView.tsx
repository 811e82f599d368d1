/**
 * The compilation text, the default reading view: the live base text with every proposal
 * bracketed and attributed inside it, and beside it the panel of the selected paragraph.
 * A proposal can be linked to as `#proposal-<id>` (a notification does): it is selected and
 * its card brought into view.
 */
import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import './compilation.css';
import type * as Y from 'yjs';
import type { ProposalKind, ProposalView } from '../../shared/proposals.js';
import { rebase } from '../../shared/rebase.js';
import { traceReading } from '../../shared/shownProposals.js';
import { type TextChange, wordChanges } from '../../shared/wordDiff.js';
import { useConfirm } from '../ConfirmDialog.js';
import { messages } from '../i18n/messages.js';
import { useHash } from '../routing.js';
import { NO_MARKS, type Reveal, type SinceMarks } from '../visits/sinceMarks.js';
import type { BoardState } from './boardState.js';
import { CompiledParagraphView } from './CompiledParagraphView.js';
import {
  type CompiledBlock,
  compileDraft,
  DEFAULT_FILTER,
  liveProposals,
  liveTest,
  newParagraphPlace,
  type ProposalFilter,
} from './compiledText.js';
import { DraftList } from './DraftList.js';
import { type DraftKey, type DraftKind, type SavedDraft, sameDraft } from './drafts.js';
import { Filters } from './Filters.js';
import { ProposalPanel } from './ProposalPanel.js';
import type { AmendmentWords } from './proposalApi.js';
import { SuggestionBlock } from './suggestion/SuggestionBlock.js';
import { tablingOptions } from './TablingAs.js';
import { TextProposalForm } from './TextProposalForm.js';
import { tablingClosed, tablingClosedMessage } from './tablingClosed.js';
import { useDrafts } from './useDrafts.js';
import { useDraftVersion } from './useDraftVersion.js';
import { useParagraphGone } from './useParagraphGone.js';
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
  /** The signed-in person, whose drafts this browser keeps. */
  personId: string;
  /** What changed since the reader's last visit, highlighted. */
  since?: SinceMarks;
  /** A paragraph (and proposal) to select, scroll to and focus. */
  reveal?: Reveal | null;
}

type Editing = {
  kind: DraftKind;
  pid: string;
  proposal?: ProposalView;
  /** When editing an amendment: the texts it was written as. */
  words?: AmendmentWords;
  /** Opened to carry an outdated amendment onto the current text. */
  carrying?: boolean;
} | null;

/** An outdated amendment carried onto the current text, shown on its card before it is tabled. */
export interface Carried {
  proposal: ProposalView;
  words: AmendmentWords;
  /** Its changes against the current text. */
  changes: TextChange[];
}

const HASH = /^#proposal-([\w-]{1,64})$/;

/** The compilation text with the proposal panel. */
export function CompilationView({
  negotiationId,
  doc,
  board,
  viewer,
  personId,
  since = NO_MARKS,
  reveal = null,
}: CompilationViewProps) {
  const m = messages.proposals;
  const version = useDraftVersion(doc);
  const { api, busy, notice, setNotice, run, card, setParagraphStatus } = useProposalActions(negotiationId);
  const drafts = useDrafts(negotiationId, personId);
  const [filter, setFilter] = useState<ProposalFilter>(DEFAULT_FILTER);
  const [selected, setSelected] = useState<string | null>(null);
  const [selectedProposal, setSelectedProposal] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [carried, setCarried] = useState<Carried | null>(null);
  const [confirmElement, confirm] = useConfirm();
  // After an editor closes (tabled or not), the focus goes back to its paragraph's number.
  const [focusBack, setFocusBack] = useState<string | null>(null);
  useEffect(() => {
    if (!focusBack) return;
    document.getElementById(`label-${focusBack}`)?.focus();
    setFocusBack(null);
  }, [focusBack]);
  const closeEditor = () => {
    if (editing) setFocusBack(editing.pid);
    setEditing(null);
  };

  // Only the open reading's proposals are live: open ones of a closed reading are not bracketed.
  const live = useMemo(() => liveProposals(board), [board]);
  // The words applied in the reading under way (else the latest) are marked as their proposers'.
  const traced = board.negotiation ? traceReading(board.negotiation) : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` changes whenever the Y.Doc does
  const blocks = useMemo(
    () => compileDraft(doc, live, board.statuses, filter, board.numbering, traced),
    [doc, version, live, board.statuses, filter, board.numbering, traced],
  );
  const selectedBlock = blocks.find((b) => b.type === 'paragraph' && b.paragraph.pid === selected);
  const selectedPara = selectedBlock?.type === 'paragraph' ? selectedBlock : undefined;
  const tableAs = tablingOptions(viewer.role === 'delegate' ? viewer.delegation : null);
  const isLiveNow = liveTest(board.negotiation);
  const textOf = (pid: string) => {
    const b = blocks.find((x) => x.type === 'paragraph' && x.paragraph.pid === pid);
    return b?.type === 'paragraph' ? b : undefined;
  };
  const draftKey = (e: NonNullable<Editing>): DraftKey => ({
    negotiationId,
    personId,
    pid: e.pid,
    kind: e.kind,
    proposalId: e.proposal?.id,
  });

  const select = (pid: string) => {
    setSelected(pid);
    setSelectedProposal(null);
    if (editing && editing.pid !== pid) setEditing(null);
    if (carried && carried.proposal.pid !== pid) setCarried(null);
  };

  const article = useRef<HTMLElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  /** Selects a paragraph (and proposal) and brings its bracket, or its number, into view. */
  const show = (pid: string, proposalId: string | null) => {
    select(pid);
    setSelectedProposal(proposalId);
    const root = article.current;
    const section = root?.querySelector<HTMLElement>(`section[data-pid="${CSS.escape(pid)}"]`);
    if (!root || !section) return;
    const bracket = proposalId
      ? section.querySelector<HTMLElement>(`[data-proposal-id="${CSS.escape(proposalId)}"]`)
      : null;
    const target = bracket ?? section.querySelector<HTMLElement>('.c-label');
    section.scrollIntoView({ block: 'center' });
    target?.focus({ preventScroll: true });
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per request to reveal
  useEffect(() => {
    if (reveal) show(reveal.pid, reveal.proposalId);
  }, [reveal]);

  // `#proposal-<id>` (a notification links there): the same, once per address.
  const linked = useRef<string | null>(null);
  const hash = useHash();
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the address or the proposals change
  useEffect(() => {
    const id = HASH.exec(hash)?.[1];
    if (!id || linked.current === hash) return;
    const p = board.proposals.find((x) => x.id === id);
    if (!p) return;
    linked.current = hash;
    show(p.pid, p.id);
    requestAnimationFrame(() =>
      document.getElementById(`proposal-${p.id}`)?.scrollIntoView({ block: 'nearest' }),
    );
  }, [hash, board.proposals]);

  const openEditor = async (p: ProposalView, carrying = false) => {
    const kind = p.kind;
    if (kind === 'delete' || kind === 'retain') return;
    if (kind !== 'amend') {
      setEditing({ kind, pid: p.pid, proposal: p });
      return;
    }
    const words = await api.words(p.id);
    setEditing({ kind, pid: p.pid, proposal: p, words, carrying });
  };

  /** Rebases an outdated amendment onto the paragraph as it reads now. */
  const carryOnto = async (p: ProposalView) => {
    const words = carried?.proposal.id === p.id ? carried.words : await api.words(p.id);
    const current = textOf(p.pid)?.text ?? '';
    const r = rebase(words.baseText, words.text, current);
    return { words, current, r };
  };

  const actions = {
    ...card,
    edit: (p: ProposalView) => void run(() => openEditor(p), m.done.opened),
    carry: (p: ProposalView) =>
      void run(async () => {
        const { words, current, r } = await carryOnto(p);
        if (r.conflicts.length > 0) {
          setCarried(null);
          await openEditor(p, true);
          return;
        }
        const changes = wordChanges(current, r.text);
        setEditing(null);
        if (changes.length === 0) setNotice({ text: m.carry.nothingLeft, error: false });
        else setCarried({ proposal: p, words, changes });
      }, null),
    start: (kind: ProposalKind) => {
      if (!selected || kind === 'delete' || kind === 'retain') return;
      setNotice(null);
      setEditing({ kind, pid: selected });
    },
    table: (kind: 'delete' | 'retain') => {
      if (!selected) return;
      const label = selectedPara?.paragraph.label ?? '';
      const who = tableAs[0]?.name ?? m.facilitators;
      void (async () => {
        if (
          kind === 'delete' &&
          !(await confirm({ message: m.actions.confirmDelete(label, who), confirmLabel: m.actions.delete }))
        )
          return;
        await run(() => api.table({ kind, pid: selected, ...asDelegation(tableAs) }), m.done.tabled);
      })();
    },
    setParagraphStatus: (status: Parameters<typeof api.setParagraphStatus>[1]) => {
      if (selected) setParagraphStatus(selected, status);
    },
  };

  const carryActions = {
    submit: () =>
      void run(async () => {
        if (!carried) return;
        // The text may have moved since the preview: carry again onto what it reads now.
        const { current, r } = await carryOnto(carried.proposal);
        if (r.conflicts.length > 0) {
          await openEditor(carried.proposal, true);
          setCarried(null);
          return;
        }
        await api.edit(carried.proposal.id, r.text, current);
        setCarried(null);
      }, m.done.carried),
    edit: () => {
      if (!carried) return;
      setEditing({
        kind: 'amend',
        pid: carried.proposal.pid,
        proposal: carried.proposal,
        words: carried.words,
        carrying: true,
      });
      setCarried(null);
    },
    cancel: () => setCarried(null),
  };

  // Errors reach the form or editor, which keeps the draft; success closes it.
  const submitText = async (text: string, reservation: boolean, delegation: string | undefined) => {
    if (editing?.kind !== 'comment') return;
    if (editing.proposal) await api.edit(editing.proposal.id, text);
    else
      await api.table({
        kind: 'comment',
        pid: editing.pid,
        text,
        reservation,
        ...(delegation ? { delegation } : {}),
      });
    setNotice({ text: editing.proposal ? m.done.edited : m.done.tabled, error: false });
    setEditing(null);
  };

  /** Tables (or saves) what the suggestion editor holds: an amendment sends its base text too. */
  const submitSuggestion = async (text: string, baseText: string, delegation: string | undefined) => {
    if (!editing || editing.kind === 'comment') return;
    const amend = editing.kind === 'amend';
    if (editing.proposal) await api.edit(editing.proposal.id, text, amend ? baseText : undefined);
    else
      await api.table({
        kind: editing.kind,
        pid: editing.pid,
        text,
        ...(amend ? { baseText } : {}),
        ...(delegation ? { delegation } : {}),
      });
    setNotice({
      text: editing.carrying ? m.done.carried : editing.proposal ? m.done.edited : m.done.tabled,
      error: false,
    });
    closeEditor();
  };

  const resume = (d: SavedDraft) => {
    setSelected(d.key.pid);
    setSelectedProposal(null);
    setCarried(null);
    const proposal = d.key.proposalId ? board.proposals.find((p) => p.id === d.key.proposalId) : undefined;
    if (proposal) actions.edit(proposal);
    else setEditing({ kind: d.key.kind, pid: d.key.pid });
  };

  const labelOf = (pid: string) => textOf(pid)?.paragraph.label ?? pid;
  // The co-facilitators may remove the paragraph being written about (or a draft's): the editor closes, saying so.
  const writing = editing && editing.kind !== 'comment' ? editing.pid : null;
  useParagraphGone({
    pid: writing,
    label: writing ? textOf(writing)?.paragraph.label : undefined,
    onGone: (label) => {
      setEditing(null);
      setNotice({ text: m.suggestion.removed(label), error: true });
    },
    message: noticeRef,
  });

  // An alternative is written below its paragraph; a new paragraph where it will be shown, with its number.
  const insertPlace =
    editing?.kind === 'insert'
      ? newParagraphPlace(doc, live, board.numbering, editing.pid, editing.proposal?.id)
      : null;
  const writeBelow =
    editing?.kind === 'alt'
      ? editing.pid
      : editing?.kind === 'insert'
        ? (insertPlace?.after ?? editing.pid)
        : null;
  /** The suggestion editor of the proposal being written, as a block after (or in place of) block `b`. */
  const suggestionBlock = (b: Extract<CompiledBlock, { type: 'paragraph' }>) => {
    if (!editing || editing.kind === 'comment') return null;
    const alt = editing.kind === 'alt';
    const base = editing.kind === 'insert' ? undefined : textOf(editing.pid);
    const label =
      editing.kind === 'amend'
        ? b.paragraph.label
        : alt
          ? `${labelOf(editing.pid)} ${m.alt}`
          : (insertPlace?.label ?? `${labelOf(editing.pid)}bis`);
    // The paragraph may be agreed, or the reading closed, while the editor is open (or a draft resumed).
    const closed = tablingClosed(textOf(editing.pid)?.paragraph.status ?? 'pending', board.negotiation);
    return (
      <SuggestionBlock
        key={`${editing.kind}-${editing.pid}-${editing.proposal?.id ?? 'new'}`}
        pid={editing.pid}
        paragraphKind={b.paragraph.kind}
        kind={editing.kind}
        label={label}
        baseText={base?.text ?? ''}
        baseRuns={base?.runs ?? []}
        initial={editing.words ?? (editing.proposal ? { text: editing.proposal.text } : undefined)}
        carrying={editing.carrying ?? false}
        closed={closed ? tablingClosedMessage(closed) : null}
        tableAs={editing.proposal ? [] : tableAs}
        draftKey={draftKey(editing)}
        onSubmit={submitSuggestion}
        onClose={closeEditor}
      />
    );
  };

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
              <h2 key="title" className="c-title" dir="auto">
                {b.text}
              </h2>
            );
          if (b.type === 'section')
            return (
              <h3 key={b.key} className="c-section" dir="auto">
                {b.text}
              </h3>
            );
          const p = b.paragraph;
          if (editing?.kind === 'amend' && editing.pid === p.pid) return suggestionBlock(b);
          return (
            <Fragment key={p.pid}>
              <CompiledParagraphView
                paragraph={p}
                runs={b.runs}
                openCount={b.proposals.filter(isLiveNow).length}
                collisions={b.collisions}
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
              {writeBelow === p.pid && suggestionBlock(b)}
            </Fragment>
          );
        })}
      </article>
      <aside className="side-panel" aria-label={m.panel.filters}>
        <DraftList
          drafts={drafts.filter((d) => !(editing && sameDraft(d.key, draftKey(editing))))}
          labelOf={labelOf}
          onResume={resume}
        />
        <Filters filter={filter} proposals={board.proposals} onChange={setFilter} />
        <div
          ref={noticeRef}
          tabIndex={-1}
          role="status"
          aria-live="polite"
          className={`notice${notice?.error ? ' error' : ''}`}
        >
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
          collisions={selectedPara?.collisions}
          negotiation={board.negotiation}
          filter={{ ...filter, status: null }}
          selectedProposal={selectedProposal}
          since={since.proposals}
          busy={busy}
          actions={actions}
          carried={carried ? { id: carried.proposal.id, changes: carried.changes, ...carryActions } : null}
          form={
            editing && editing.kind === 'comment' && editing.pid === selected ? (
              <TextProposalForm
                key={`${editing.proposal?.id ?? ''}-${editing.kind}`}
                kind={editing.kind}
                label={selectedPara?.paragraph.label ?? ''}
                {...(editing.proposal ? { initialText: editing.proposal.text, editing: true } : {})}
                tableAs={editing.proposal ? [] : tableAs}
                draftKey={draftKey(editing)}
                onSubmit={submitText}
                onClose={() => setEditing(null)}
              />
            ) : null
          }
        />
      </aside>
      {confirmElement}
    </div>
  );
}

function asDelegation(options: readonly { code: string }[]): { delegation?: string } {
  return options.length > 0 ? { delegation: options[0]!.code } : {};
}
