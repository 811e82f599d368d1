import { describe, expect, it } from 'vitest';
import { matchRoute } from '../routing.js';
import { comparePath, compareRefsOf, matchReadingRoute, modeOf, printPath, snapshotPath } from './routes.js';

describe('readings routes', () => {
  it('matches the timeline, comparison, import, snapshot and print pages', () => {
    expect(matchReadingRoute('/n/imrf-2022/timeline')).toEqual({ page: 'timeline', id: 'imrf-2022' });
    expect(matchReadingRoute('/n/imrf-2022/compare/')).toEqual({ page: 'compare', id: 'imrf-2022' });
    expect(matchReadingRoute('/n/imrf-2022/import')).toEqual({ page: 'import', id: 'imrf-2022' });
    expect(matchReadingRoute('/n/imrf-2022/snapshot/abc123')).toEqual({
      page: 'snapshot',
      id: 'imrf-2022',
      snapshotId: 'abc123',
    });
    expect(matchReadingRoute('/n/imrf-2022/print/live')).toEqual({
      page: 'print',
      id: 'imrf-2022',
      snapshotId: 'live',
    });
    expect(matchReadingRoute('/n/imrf-2022/audit')).toBeNull();
    expect(matchReadingRoute('/n/%E0%A4%A/timeline')).toBeNull();
  });

  it('is consulted by the app router', () => {
    expect(matchRoute('/n/x/timeline')).toEqual({ page: 'timeline', id: 'x' });
    expect(matchRoute('/n/x/snapshot')).toEqual({ page: 'notFound' });
  });

  it('builds paths that match back, with their query', () => {
    const path = snapshotPath('a b', 's/1', 'compilation');
    expect(path).toBe('/n/a%20b/snapshot/s%2F1?mode=compilation');
    expect(matchReadingRoute(path.split('?')[0]!)).toEqual({
      page: 'snapshot',
      id: 'a b',
      snapshotId: 's/1',
    });
    expect(snapshotPath('n', 's')).toBe('/n/n/snapshot/s');
    expect(printPath('n', 'live', 'clean')).toBe('/n/n/print/live?mode=clean');
    expect(comparePath('n')).toBe('/n/n/compare');
    expect(compareRefsOf(comparePath('n', 'a', 'live').split('/compare')[1]!)).toEqual({
      from: 'a',
      to: 'live',
    });
    expect(modeOf('?mode=compilation')).toBe('compilation');
    expect(modeOf('?mode=other')).toBe('clean');
  });
});
