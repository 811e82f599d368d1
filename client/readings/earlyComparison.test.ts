import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ComparisonBrief } from '../../shared/compareBrief.js';
import { requestComparisonOnBoot, takeBootComparison } from './earlyComparison.js';

const comparison: ComparisonBrief = {
  older: { label: 'Rev.1', kind: 'revision', takenAt: '2022-04-01T10:00:00Z' },
  newer: { label: 'Rev.2', kind: 'revision', takenAt: '2022-04-08T10:00:00Z' },
  rows: [],
  summary: { changed: 0, added: 0, deleted: 0, moved: 0, unchanged: 0, renumbered: 0 },
  renumbering: null,
};

/** Answers every request with the comparison, recording the URLs. */
function stubFetch(): string[] {
  const urls: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    urls.push(url);
    return new Response(JSON.stringify({ comparison }), { headers: { 'content-type': 'application/json' } });
  });
  return urls;
}

afterEach(() => {
  takeBootComparison('', '', '');
  vi.unstubAllGlobals();
});

describe('the comparison requested at boot', () => {
  it('is requested at once on a compare page naming both versions, and handed over once', async () => {
    const urls = stubFetch();
    requestComparisonOnBoot('/n/n1/compare', '?from=rev1&to=live');
    expect(urls).toEqual(['/api/negotiations/n1/compare?from=rev1&to=live']);
    await expect(takeBootComparison('n1', 'rev1', 'live')).resolves.toEqual(comparison);
    expect(takeBootComparison('n1', 'rev1', 'live')).toBeUndefined();
  });

  it('is not requested elsewhere, or when a version is not named', () => {
    const urls = stubFetch();
    requestComparisonOnBoot('/n/n1/timeline', '?from=rev1&to=live');
    requestComparisonOnBoot('/n/n1/compare', '?from=rev1');
    requestComparisonOnBoot('/n/n1/compare', '');
    expect(urls).toEqual([]);
    expect(takeBootComparison('n1', 'rev1', 'live')).toBeUndefined();
  });

  it('is forgotten when other versions are asked for first', () => {
    stubFetch();
    requestComparisonOnBoot('/n/n1/compare', '?from=a&to=b');
    expect(takeBootComparison('n1', 'a', 'c')).toBeUndefined();
    expect(takeBootComparison('n1', 'a', 'b')).toBeUndefined();
  });
});
