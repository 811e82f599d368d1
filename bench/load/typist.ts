/**
 * The co-facilitator who types: a full Y.Doc synced with the draft, one character appended to
 * a paragraph per edit, each edit sent as its own update with the cursor's presence, as
 * y-prosemirror and y-websocket would send them. Every edit is announced to the edit tracker
 * (keyed by its Yjs clock) before it is sent; `saved` frames acknowledge edits as durable.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { findParagraph, paragraphTextType } from '../../shared/anchors.js';
import { Histogram } from '../stats/histogram.js';
import type { FanoutTracker } from './fanout.js';
import { updateFrame } from './frames.js';
import type { Session } from './session.js';

const TYPED = 'and to ensure the full participation of all stakeholders ';

/** The typing co-facilitator. */
export class Typist {
  readonly ack = new Histogram();
  sent = 0;
  private typed = 0;
  private readonly unacked: { clock: number; sentAt: number; measured: boolean }[] = [];

  constructor(
    private readonly session: Session,
    private readonly pid: string,
    private readonly tracker: FanoutTracker<number>,
  ) {}

  /** The Yjs client id of the typist's edits. */
  get clientId(): number {
    return this.session.draftDoc!.clientID;
  }

  /** Types one character at the end of the paragraph and sends it. */
  edit(measured: boolean): void {
    const doc = this.session.draftDoc!;
    const para = findParagraph(doc, this.pid);
    if (!para || !this.session.live) return;
    const text = paragraphTextType(para.element);
    const clock = Y.getState(doc.store, doc.clientID);
    const sentAt = performance.now();
    this.tracker.expect(clock, { sentAt, measured, exclude: this.session.id });
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array) => {
      update = u;
    };
    doc.on('update', capture);
    doc.transact(() => text.insert(text.length, TYPED[this.typed++ % TYPED.length]!), 'typist');
    doc.off('update', capture);
    if (!update) return;
    this.session.sendDraft(updateFrame(update));
    this.sent++;
    this.unacked.push({ clock: clock + 1, sentAt, measured });
    const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length));
    this.session.sendPresence({
      user: { name: this.session.seat.name, color: '#b3261e' },
      cursor: { anchor: at, head: at },
    });
  }

  /** A `saved` frame: edits up to the server's clock of this client are durable. */
  saved(frame: Buffer): void {
    const d = decoding.createDecoder(frame);
    decoding.readVarUint(d);
    const sv = Y.decodeStateVector(decoding.readVarUint8Array(d));
    const savedClock = sv.get(this.clientId) ?? 0;
    const now = performance.now();
    while (this.unacked.length > 0 && this.unacked[0]!.clock <= savedClock) {
      const e = this.unacked.shift()!;
      if (e.measured) this.ack.add(now - e.sentAt);
    }
  }
}
