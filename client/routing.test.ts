import { describe, expect, it } from 'vitest';
import {
  auditPath,
  inputsPath,
  matchRoute,
  negotiationPath,
  participantsPath,
  roadmapPath,
} from './routing.js';

describe('matchRoute', () => {
  it('matches the start page, the sign-in page and negotiation pages', () => {
    expect(matchRoute('/')).toEqual({ page: 'home' });
    expect(matchRoute('/signin')).toEqual({ page: 'signin' });
    expect(matchRoute('/n/imrf-2022')).toEqual({ page: 'negotiation', id: 'imrf-2022' });
    expect(matchRoute('/n/imrf-2022/')).toEqual({ page: 'negotiation', id: 'imrf-2022' });
    expect(matchRoute('/n/imrf-2022/participants')).toEqual({ page: 'participants', id: 'imrf-2022' });
    expect(matchRoute('/n/imrf-2022/audit/')).toEqual({ page: 'audit', id: 'imrf-2022' });
  });

  it('round-trips ids through the path builders', () => {
    expect(matchRoute(negotiationPath('a b/c'))).toEqual({ page: 'negotiation', id: 'a b/c' });
    expect(matchRoute(participantsPath('a b/c'))).toEqual({ page: 'participants', id: 'a b/c' });
    expect(matchRoute(auditPath('x'))).toEqual({ page: 'audit', id: 'x' });
  });

  it('matches the roadmap and written-inputs pages', () => {
    expect(matchRoute('/n/imrf-2022/roadmap')).toEqual({ page: 'roadmap', id: 'imrf-2022' });
    expect(matchRoute(inputsPath('a b'))).toEqual({ page: 'inputs', id: 'a b' });
    expect(matchRoute(roadmapPath('x'))).toEqual({ page: 'roadmap', id: 'x' });
  });

  it('sends anything else to not found', () => {
    expect(matchRoute('/n/')).toEqual({ page: 'notFound' });
    expect(matchRoute('/elsewhere')).toEqual({ page: 'notFound' });
    expect(matchRoute('/n/%E0%A4%A')).toEqual({ page: 'notFound' });
    expect(matchRoute('/n/x/secret')).toEqual({ page: 'notFound' });
    expect(matchRoute('/n/x/constructor')).toEqual({ page: 'notFound' });
    expect(matchRoute('/signin/more')).toEqual({ page: 'notFound' });
  });
});
