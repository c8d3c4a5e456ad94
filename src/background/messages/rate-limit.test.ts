import { describe, expect, it } from 'vitest';
import { createRateLimit } from './rate-limit';

describe('the local send limit (docs/protocol.md §15, §20)', () => {
  it('allows 10 in a minute, then says when the next one may go', () => {
    let now = 1_000_000;
    const limit = createRateLimit(() => now);
    for (let i = 0; i < 10; i++) {
      expect(limit.take()).toEqual({ ok: true });
      now += 1000;
    }
    expect(limit.take()).toEqual({ ok: false, retryAt: 1_060_000 });
    now = 1_059_999;
    expect(limit.take().ok).toBe(false);
    now = 1_060_000;
    expect(limit.take()).toEqual({ ok: true });
    expect(limit.take().ok).toBe(false);
  });

  it('does not count a refused try', () => {
    let now = 0;
    const limit = createRateLimit(() => now, 1, 100);
    expect(limit.take().ok).toBe(true);
    for (let i = 0; i < 5; i++) expect(limit.take().ok).toBe(false);
    now = 100;
    expect(limit.take().ok).toBe(true);
  });
});
