import { describe, expect, it } from 'vitest';
import { browserLabel } from './userAgent.js';

describe('browserLabel', () => {
  it('names common browsers and systems', () => {
    expect(
      browserLabel(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0',
      ),
    ).toBe('Edge (Windows)');
    expect(browserLabel('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe(
      'Firefox (Linux)',
    );
    expect(
      browserLabel(
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
      ),
    ).toBe('Safari (macOS)');
    expect(
      browserLabel(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0 Safari/537.36',
      ),
    ).toBe('Chrome (Linux)');
  });

  it('gives null for nothing recognisable', () => {
    expect(browserLabel(null)).toBeNull();
    expect(browserLabel('curl/8.0')).toBeNull();
  });
});
