import { describe, expect, it } from 'vitest';
import { type BusMessage, MalformedBusMessage, readBusMessage, writeBusMessage } from './busMessages.js';

describe('bus messages', () => {
  it('read back as written, with the sender', () => {
    const messages: BusMessage[] = [
      { type: 'committed', seq: 123_456_789 },
      { type: 'presence', update: new Uint8Array([1, 2, 3]) },
      { type: 'presence-query' },
      { type: 'session-ended', sessionId: 'abc' },
    ];
    for (const message of messages)
      expect(readBusMessage(writeBusMessage('process-1', message))).toEqual({ from: 'process-1', message });
  });

  it('refuse an unknown type, a truncated frame and trailing bytes', () => {
    const frame = writeBusMessage('p', { type: 'committed', seq: 5 });
    expect(() => readBusMessage(new Uint8Array([9, 1, 112]))).toThrow(MalformedBusMessage);
    expect(() => readBusMessage(frame.slice(0, frame.length - 1))).toThrow(MalformedBusMessage);
    expect(() => readBusMessage(new Uint8Array([...frame, 0]))).toThrow(/trailing/);
  });
});
