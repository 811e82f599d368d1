/**
 * Which proposals a compilation shows, the same on screen, on the print page and in the Word
 * export: a closed reading's record shows every proposal of the reading with its outcome; the
 * live text shows the live proposals and, as a trace of who proposed what, the words that the
 * proposals applied in the current reading put in. The current reading comes from where the
 * negotiation stands as the server publishes it (`negotiationState.ts`), never from the
 * proposals themselves: a reading opened a moment ago has none yet.
 */
import type { NegotiationState } from './negotiationState.js';
import { isLive, type ProposalView } from './proposals.js';
import type { SnapshotKind } from './snapshot.js';

/**
 * The reading whose applied proposals the live compilation traces: the reading under way, else
 * (between readings) the latest one, whose outcome the text now carries. Null before any reading.
 */
export function traceReading(state: Pick<NegotiationState, 'openReading' | 'readings'>): string | null {
  return state.openReading?.id ?? state.readings.at(-1)?.id ?? null;
}

/** What the live compilation needs to know of where the negotiation stands. */
export interface LiveContext {
  /** The reading under way (`NegotiationState.openReading`), if any. */
  openReading: string | null;
  /** The reading whose applied proposals are traced (`traceReading`). */
  traceReading: string | null;
}

/** The live context of a published state. */
export function liveContext(state: Pick<NegotiationState, 'openReading' | 'readings'>): LiveContext {
  return { openReading: state.openReading?.id ?? null, traceReading: traceReading(state) };
}

/** True when a proposal was applied to the text in the traced reading: its words are marked as its. */
export function isTraced(p: Pick<ProposalView, 'appliedAt' | 'readingId'>, traced: string | null): boolean {
  return p.appliedAt !== null && traced !== null && p.readingId === traced;
}

/**
 * The test of the proposals a compilation of a snapshot of `kind` shows. A closed reading: all
 * but the withdrawn. The live text (and a revision, which records none): the live ones and the
 * partly incorporated, and those applied in the traced reading; until `live` is known, the open
 * and partly incorporated ones, without traces.
 */
export function shownInCompilation(
  kind: SnapshotKind,
  live: LiveContext | null,
): (p: Pick<ProposalView, 'status' | 'readingId' | 'appliedAt'>) => boolean {
  if (kind === 'reading') return (p) => p.status !== 'withdrawn';
  if (!live) return (p) => p.status === 'open' || p.status === 'partly-incorporated';
  return (p) =>
    isLive(p, live.openReading) || p.status === 'partly-incorporated' || isTraced(p, live.traceReading);
}
