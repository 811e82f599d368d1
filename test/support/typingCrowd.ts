/**
 * Many reconnecting clients typing into the demo draft, each at its own jittered pace, every word
 * unique (`zq<client>x<n>`) so that a test can tell, word by word, whether an edit was
 * acknowledged, stored, lost or duplicated.
 */
import type { ReconnectingClient } from './reconnectingClient.js';
import { draftText } from './testCluster.js';

/** Matches every word the crowd types (global: use with `matchAll`). */
export const CROWD_WORD = /\bzq\d+x\d+\b/g;

/** Paragraphs of the demo draft the crowd types into. */
const PARAGRAPHS = ['op01', 'op02', 'op03', 'op04', 'op05', 'op06', 'pp01', 'pp02'];

/** A word typed by a client, and the client's clock once it was typed. */
export interface TypedWord {
  word: string;
  clock: number;
}

/** Clients typing words until stopped. */
export class TypingCrowd {
  /** Words typed so far, per client (in the order of `clients`). */
  readonly typed: TypedWord[][];
  private readonly timers: (NodeJS.Timeout | undefined)[];
  private typing = false;

  /** `everyMs`: how often each client types a word, on average (each pause is 0.5–1.5 times it). */
  constructor(
    readonly clients: readonly ReconnectingClient[],
    private readonly everyMs: number,
  ) {
    this.typed = clients.map(() => []);
    this.timers = clients.map(() => undefined);
  }

  /** Starts typing; each client's first word comes within `everyMs`. */
  start(): void {
    this.typing = true;
    this.clients.forEach((client, i) => {
      const tick = () => {
        if (!this.typing) return;
        const word = `zq${i}x${this.typed[i]!.length}`;
        const clock = client.type(PARAGRAPHS[i % PARAGRAPHS.length]!, ` ${word}`);
        this.typed[i]!.push({ word, clock });
        this.timers[i] = setTimeout(tick, this.everyMs * (0.5 + Math.random()));
      };
      this.timers[i] = setTimeout(tick, Math.random() * this.everyMs);
    });
  }

  /** Stops typing. */
  stop(): void {
    this.typing = false;
    for (const t of this.timers) clearTimeout(t);
  }

  /** Every word typed. */
  all(): TypedWord[] {
    return this.typed.flat();
  }

  /** The words each client has been told are stored (a `saved` acknowledgement covering them). */
  acknowledged(): TypedWord[] {
    return this.clients.flatMap((c, i) => this.typed[i]!.filter((t) => t.clock <= c.savedClock));
  }

  /** True when every client is synced, has every word of its own acknowledged, and all hold one text. */
  settled(): boolean {
    if (!this.clients.every((c) => c.settled)) return false;
    const text = draftText(this.clients[0]!.doc);
    return this.clients.every((c) => draftText(c.doc) === text);
  }

  /** Words of `words` that `text` does not hold exactly once. */
  static notOnceIn(text: string, words: readonly TypedWord[]): string[] {
    const counts = new Map<string, number>();
    for (const m of text.matchAll(CROWD_WORD)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
    return words.filter((t) => counts.get(t.word) !== 1).map((t) => `${t.word} ×${counts.get(t.word) ?? 0}`);
  }

  /** How many crowd words `text` holds, repeats included. */
  static countIn(text: string): number {
    return [...text.matchAll(CROWD_WORD)].length;
  }
}
