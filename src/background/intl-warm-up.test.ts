import { describe, expect, it } from 'vitest';
import { INTL_WARM_UP_DELAY_MS, warmIntlSoon } from './intl-warm-up';

describe('warmIntlSoon', () => {
  it('makes the formatters later, not during the start-up that asked for it', () => {
    const scheduled: { run: () => void; ms: number }[] = [];
    warmIntlSoon('zh-CN', (run, ms) => scheduled.push({ run, ms }));
    expect(scheduled.map((s) => s.ms)).toEqual([INTL_WARM_UP_DELAY_MS]);
    expect(() => scheduled[0]?.run()).not.toThrow();
  });

  it('survives a language tag Intl refuses', () => {
    expect(() => new Intl.NumberFormat('')).toThrow(RangeError);
    let run: (() => void) | undefined;
    warmIntlSoon('', (r) => (run = r));
    expect(run).toBeDefined();
    expect(() => run?.()).not.toThrow();
  });
});
