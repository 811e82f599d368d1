/**
 * Who sits in the benchmark room. Any prefix of the seat list is a plausible room: seat 0 is the
 * co-facilitator who types, seat 1 the other co-facilitator, one seat in a hundred is secretariat
 * (facilitator role without a delegation), one in seven an observer, and the rest are delegates
 * spread over the Member States, several per delegation once there are more seats than States.
 */

import type { Role } from '../../server/storage/records.js';
import { DELEGATIONS } from '../../shared/delegations.js';
import { Random } from './text.js';

/** The co-facilitating delegations of the benchmark negotiation. */
export const FACILITATOR_DELEGATIONS = ['BGD', 'LUX'] as const;

/** A seat before its person and link exist. */
export interface SeatPlan {
  index: number;
  name: string;
  role: Role;
  delegation: string | null;
}

/** Member States other than the co-facilitators', in a fixed shuffled order. */
export function memberStates(seed = 7): string[] {
  const rng = new Random(seed);
  const codes = DELEGATIONS.filter(
    (d) => d.kind === 'member-state' && !(FACILITATOR_DELEGATIONS as readonly string[]).includes(d.code),
  ).map((d) => d.code);
  for (let i = codes.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [codes[i], codes[j]] = [codes[j]!, codes[i]!];
  }
  return codes;
}

/** The first `count` seats. */
export function planSeats(count: number): SeatPlan[] {
  const states = memberStates();
  const seats: SeatPlan[] = [];
  let delegate = 0;
  for (let i = 0; i < count; i++) {
    if (i < FACILITATOR_DELEGATIONS.length) {
      const code = FACILITATOR_DELEGATIONS[i]!;
      seats.push({ index: i, name: `Co-facilitator, ${code}`, role: 'facilitator', delegation: code });
    } else if (i % 100 === 2) {
      seats.push({ index: i, name: `Secretariat ${i}`, role: 'facilitator', delegation: null });
    } else if (i % 7 === 0) {
      seats.push({ index: i, name: `Observer ${i}`, role: 'observer', delegation: null });
    } else {
      const code = states[delegate % states.length]!;
      delegate++;
      seats.push({ index: i, name: `Delegate ${i}, ${code}`, role: 'delegate', delegation: code });
    }
  }
  return seats;
}
