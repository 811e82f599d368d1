import { describe, expect, it } from 'vitest';
import { ApiError } from '../api.js';
import { createSession } from './session.js';
import type { Me, SessionApi, SignInResult } from './sessionApi.js';

const me: Me = {
  person: { id: 'demo-eu', name: 'Delegate, European Union', isAdmin: false },
  participations: [
    { negotiationId: 'imrf-2022', role: 'delegate', delegation: 'EU', delegationName: 'European Union' },
  ],
};

/** A fake API whose answers the test settles by hand. */
function fakeApi() {
  const calls = { me: 0, signIn: 0, signOut: 0 };
  let meAnswer: () => Promise<Me> = async () => me;
  let signInAnswer: () => Promise<SignInResult> = async () => ({
    person: me.person,
    negotiationId: 'imrf-2022',
  });
  const api: SessionApi = {
    me: () => {
      calls.me++;
      return meAnswer();
    },
    signIn: () => {
      calls.signIn++;
      return signInAnswer();
    },
    signOut: async () => {
      calls.signOut++;
    },
  };
  return {
    api,
    calls,
    answerMe: (f: () => Promise<Me>) => {
      meAnswer = f;
    },
    answerSignIn: (f: () => Promise<SignInResult>) => {
      signInAnswer = f;
    },
  };
}

const unauthenticated = () => Promise.reject(new ApiError('UNAUTHENTICATED', 'Please sign in.', 401));

describe('session', () => {
  it('loads the person once, and says "not signed in" without a session', async () => {
    const fake = fakeApi();
    fake.answerMe(unauthenticated);
    const session = createSession(fake.api);
    expect(session.getState()).toEqual({ status: 'loading' });
    session.ensureLoaded();
    session.ensureLoaded();
    await session.refresh();
    expect(session.getState()).toEqual({ status: 'signedOut', reason: 'none' });
    expect(fake.calls.me).toBe(2);
  });

  it('signs in with a link, then knows the person', async () => {
    const fake = fakeApi();
    const session = createSession(fake.api);
    const seen: string[] = [];
    session.subscribe(() => seen.push(session.getState().status));
    const result = await session.signIn('token-123456');
    expect(result.negotiationId).toBe('imrf-2022');
    expect(session.getState()).toEqual({ status: 'signedIn', me });
    expect(seen.at(-1)).toBe('signedIn');
  });

  it('never spends a link twice while the first attempt runs or after it succeeded', async () => {
    const fake = fakeApi();
    const session = createSession(fake.api);
    const first = session.signIn('token-123456');
    const second = session.signIn('token-123456');
    expect(second).toBe(first);
    await first;
    await session.signIn('token-123456');
    expect(fake.calls.signIn).toBe(1);
  });

  it('lets a failed sign-in be tried again', async () => {
    const fake = fakeApi();
    fake.answerSignIn(() => Promise.reject(new ApiError('NETWORK', 'offline')));
    const session = createSession(fake.api);
    await expect(session.signIn('token-123456')).rejects.toMatchObject({ code: 'NETWORK' });
    fake.answerSignIn(async () => ({ person: me.person, negotiationId: null }));
    await expect(session.signIn('token-123456')).resolves.toMatchObject({ negotiationId: null });
    expect(fake.calls.signIn).toBe(2);
  });

  it('tells an ended session from never having signed in, and a sign-out from both', async () => {
    const fake = fakeApi();
    const session = createSession(fake.api);
    await session.refresh();
    fake.answerMe(() => Promise.reject(new ApiError('SESSION_EXPIRED', 'ended', 401)));
    await session.refresh();
    expect(session.getState()).toEqual({ status: 'signedOut', reason: 'ended' });

    fake.answerMe(async () => me);
    await session.refresh();
    await session.signOut();
    expect(session.getState()).toEqual({ status: 'signedOut', reason: 'signedOut' });
    expect(fake.calls.signOut).toBe(1);
  });

  it('keeps only the latest answer, and reports other failures as such', async () => {
    const fake = fakeApi();
    let release: (value: Me) => void = () => {};
    fake.answerMe(() => new Promise<Me>((resolve) => (release = resolve)));
    const session = createSession(fake.api);
    const slow = session.refresh();
    fake.answerMe(() => Promise.reject(new ApiError('NETWORK', 'offline')));
    await session.refresh();
    release(me);
    await slow;
    expect(session.getState()).toMatchObject({ status: 'failed' });
  });
});
