import { describe, expect, it } from 'vitest';
import { matchRoute, negotiationPath } from './routing.js';

describe('matchRoute', () => {
  it('matches the start page and negotiation pages', () => {
    expect(matchRoute('/')).toEqual({ page: 'home' });
    expect(matchRoute('/n/imrf-2022')).toEqual({ page: 'negotiation', id: 'imrf-2022' });
    expect(matchRoute('/n/imrf-2022/')).toEqual({ page: 'negotiation', id: 'imrf-2022' });
  });

  it('round-trips ids through negotiationPath', () => {
    expect(matchRoute(negotiationPath('a b/c'))).toEqual({ page: 'negotiation', id: 'a b/c' });
  });

  it('sends anything else to not found', () => {
    expect(matchRoute('/n/')).toEqual({ page: 'notFound' });
    expect(matchRoute('/elsewhere')).toEqual({ page: 'notFound' });
    expect(matchRoute('/n/%E0%A4%A')).toEqual({ page: 'notFound' });
  });
});
