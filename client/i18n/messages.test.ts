import { describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../../shared/errors.js';
import { CloseCode } from '../../shared/protocol.js';
import { closeMessage, errorMessage, messages } from './messages.js';

describe('errorMessage', () => {
  it('has a message of its own for every server error code', () => {
    for (const code of Object.keys(ERROR_STATUS)) {
      expect(errorMessage(code, 'server words')).not.toBe('server words');
    }
  });

  it('falls back to the given message, then to a generic one', () => {
    expect(errorMessage('SOMETHING_NEW', 'server words')).toBe('server words');
    expect(errorMessage('SOMETHING_NEW')).toBe(messages.errors.unknown);
  });
});

describe('closeMessage', () => {
  it('has a message for every close code', () => {
    for (const code of Object.values(CloseCode)) expect(closeMessage(code)).not.toContain(String(code));
  });
});
