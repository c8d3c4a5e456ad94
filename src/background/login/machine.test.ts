import { describe, expect, it } from 'vitest';
import type { LoginState } from '../../shared/storage';
import { nextEffect, transition, type LoginEvent, type SessionPresence } from './machine';

const idle: LoginState = { type: 'idle', notice: null };
const ISSUED_AT = 1_700_000_000_000;
const fresh: LoginState = {
  type: 'waitingForScan',
  uuid: 'u1',
  tip: 1,
  notice: null,
  push: false,
  issuedAt: ISSUED_AT,
};
const waiting: LoginState = { ...fresh, tip: 0 };
const pushRequested: LoginState = { type: 'pushRequested' };
const scanned: LoginState = { type: 'scanned', uuid: 'u1', avatar: 'data:img/jpg;base64,AAA' };
const signingIn: LoginState = {
  type: 'signingIn',
  redirectUri: 'https://wx2.qq.com/x?ticket=t',
  exchangeStarted: false,
};
const exchanging: LoginState = { ...signingIn, exchangeStarted: true };
const signedIn: LoginState = { type: 'signedIn' };
const network = { name: 'Network', message: 'down' } as const;
const failed: LoginState = { type: 'failed', error: network, retry: 'newQr' };
const all = [idle, fresh, waiting, scanned, signingIn, signedIn, failed, pushRequested];

describe('nextEffect', () => {
  it.each<[LoginState, SessionPresence, string]>([
    [idle, 'none', 'issueQr'],
    [idle, 'tokensOnly', 'init'],
    [idle, 'complete', 'none'],
    [fresh, 'none', 'poll'],
    [scanned, 'none', 'poll'],
    [signingIn, 'none', 'exchange'],
    // The ticket left in an earlier life of the background: never sent twice.
    [exchanging, 'none', 'abandonExchange'],
    // Tokens stored: the exchange is done whatever the state says.
    [signingIn, 'tokensOnly', 'init'],
    [exchanging, 'tokensOnly', 'init'],
    [signedIn, 'tokensOnly', 'init'],
    [signedIn, 'complete', 'none'],
    [failed, 'none', 'none'],
    [failed, 'tokensOnly', 'none'],
    [pushRequested, 'none', 'issuePush'],
  ])('%j with session %s -> %s', (state, session, effect) => {
    expect(nextEffect(state, session).type).toBe(effect);
  });

  it('polls with tip=1 first, then tip=0 (docs/protocol.md §4)', () => {
    expect(nextEffect(fresh, 'none')).toEqual({ type: 'poll', uuid: 'u1', tip: 1 });
    expect(nextEffect(waiting, 'none')).toEqual({ type: 'poll', uuid: 'u1', tip: 0 });
    expect(nextEffect(scanned, 'none')).toEqual({ type: 'poll', uuid: 'u1', tip: 0 });
  });

  it('exchanges the ticket from the confirmed redirect_uri', () => {
    expect(nextEffect(signingIn, 'none')).toEqual({
      type: 'exchange',
      redirectUri: 'https://wx2.qq.com/x?ticket=t',
    });
  });
});

describe('transition', () => {
  const polled = (
    poll: Extract<LoginEvent, { type: 'polled' }>['poll'],
    uuid = 'u1',
  ): LoginEvent => ({
    type: 'polled',
    uuid,
    poll,
  });

  it('a new QR keeps the notice that explains it', () => {
    const renewed: LoginState = { type: 'idle', notice: { type: 'qrRenewed' } };
    expect(transition(renewed, { type: 'qrIssued', uuid: 'u2', at: ISSUED_AT })).toEqual({
      type: 'waitingForScan',
      uuid: 'u2',
      tip: 1,
      notice: { type: 'qrRenewed' },
      push: false,
      issuedAt: ISSUED_AT,
    });
  });

  it('push login: the pushed uuid is polled from tip=1; a refusal falls back to a QR', () => {
    expect(transition(pushRequested, { type: 'pushIssued', uuid: 'p1', at: ISSUED_AT })).toEqual({
      type: 'waitingForScan',
      uuid: 'p1',
      tip: 1,
      notice: null,
      push: true,
      issuedAt: ISSUED_AT,
    });
    expect(transition(pushRequested, { type: 'pushFailed' })).toEqual({
      type: 'idle',
      notice: { type: 'pushFailed' },
    });
    for (const state of all.filter((s) => s.type !== 'pushRequested')) {
      expect(transition(state, { type: 'pushIssued', uuid: 'p9', at: ISSUED_AT })).toBe(state);
      expect(transition(state, { type: 'pushFailed' })).toBe(state);
    }
  });

  it('ignores a QR issued while the state moved on', () => {
    for (const state of all.filter((s) => s.type !== 'idle')) {
      expect(transition(state, { type: 'qrIssued', uuid: 'u9', at: ISSUED_AT })).toBe(state);
    }
  });

  it('408 and our own timeout keep the QR and switch to tip=0', () => {
    expect(transition(fresh, polled({ type: 'waiting' }))).toEqual(waiting);
    expect(transition(fresh, { type: 'pollTimedOut', uuid: 'u1' })).toEqual(waiting);
    expect(transition(scanned, polled({ type: 'waiting' }))).toBe(scanned);
  });

  it('marks the exchange as started, then signs in once the tokens are stored', () => {
    expect(transition(signingIn, { type: 'exchangeStarted' })).toEqual(exchanging);
    expect(transition(exchanging, { type: 'exchanged' })).toEqual({ type: 'signedIn' });
    expect(transition(idle, { type: 'exchangeStarted' })).toEqual(idle);
  });

  it('201 shows the avatar, 200 starts signing in, 202 asks for a new QR', () => {
    expect(transition(fresh, polled({ type: 'scanned', avatar: 'data:img/jpg;base64,B' }))).toEqual(
      {
        type: 'scanned',
        uuid: 'u1',
        avatar: 'data:img/jpg;base64,B',
      },
    );
    expect(
      transition(scanned, polled({ type: 'confirmed', redirectUri: 'https://wx.qq.com/r' })),
    ).toEqual({
      type: 'signingIn',
      redirectUri: 'https://wx.qq.com/r',
      exchangeStarted: false,
    });
    expect(transition(scanned, polled({ type: 'cancelled' }))).toEqual({
      type: 'idle',
      notice: { type: 'cancelledOnPhone' },
    });
  });

  it('an expired QR goes back to idle with the renewal notice', () => {
    expect(transition(waiting, { type: 'qrExpired', uuid: 'u1' })).toEqual({
      type: 'idle',
      notice: { type: 'qrRenewed' },
    });
    expect(transition(scanned, { type: 'qrExpired', uuid: 'u1' })).toEqual({
      type: 'idle',
      notice: { type: 'qrRenewed' },
    });
  });

  it('a poll reply for an older QR changes nothing', () => {
    for (const event of [
      polled({ type: 'confirmed', redirectUri: 'https://wx.qq.com/r' }, 'old'),
      { type: 'qrExpired', uuid: 'old' } as const,
      { type: 'pollTimedOut', uuid: 'old' } as const,
    ]) {
      for (const state of all) expect(transition(state, event)).toBe(state);
    }
  });

  it('init failures keep the tokens (retry init); other failures retry with a new QR', () => {
    expect(transition(signingIn, { type: 'initFailed', error: network })).toEqual({
      type: 'failed',
      error: network,
      retry: 'init',
    });
    expect(transition(fresh, { type: 'failed', error: network })).toEqual(failed);
  });

  it('restart and signedIn apply from any state', () => {
    for (const state of all) {
      expect(transition(state, { type: 'restart', notice: null })).toEqual(idle);
      expect(transition(state, { type: 'signedIn' })).toEqual(signedIn);
    }
  });
});
