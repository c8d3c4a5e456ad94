import { describe, expect, it } from 'vitest';
import { idleAfterPaint, type FrameScheduler } from './idle-after-paint';

type Kind = 'frame' | 'task' | 'idle';

/** A page's timers, run by hand: each kind keeps its callbacks until the test runs them. */
function fakeScheduler() {
  const pending = new Map<number, { kind: Kind; run: () => void }>();
  const idleTimeouts: number[] = [];
  let next = 1;
  const add = (kind: Kind, run: () => void) => {
    pending.set(next, { kind, run });
    return next++;
  };
  const scheduler = {
    requestAnimationFrame: (run: () => void) => add('frame', run),
    cancelAnimationFrame: (handle: number) => pending.delete(handle),
    setTimeout: (run: () => void) => add('task', run),
    clearTimeout: (handle: number) => pending.delete(handle),
    requestIdleCallback: (run: () => void, { timeout }: { timeout: number }) => {
      idleTimeouts.push(timeout);
      return add('idle', run);
    },
    cancelIdleCallback: (handle: number) => pending.delete(handle),
  } as unknown as FrameScheduler;
  /** Runs the callbacks of `kind` pending now; returns how many ran. */
  const run = (kind: Kind) => {
    const due = [...pending].filter(([, p]) => p.kind === kind);
    for (const [handle, p] of due) {
      pending.delete(handle);
      p.run();
    }
    return due.length;
  };
  return { scheduler, run, pending, idleTimeouts };
}

describe('idleAfterPaint', () => {
  it('runs the work in an idle callback only after a frame and a task after it', () => {
    const fake = fakeScheduler();
    let ran = 0;
    idleAfterPaint(() => ran++, 2_000, fake.scheduler);

    // An idle period before the frame (the order Chromium may choose) finds nothing to run.
    expect(fake.run('idle')).toBe(0);
    expect(fake.run('task')).toBe(0);
    expect(fake.run('frame')).toBe(1);
    expect(fake.run('idle')).toBe(0);
    expect(fake.run('task')).toBe(1);
    expect(ran).toBe(0);
    expect(fake.run('idle')).toBe(1);
    expect(ran).toBe(1);
    expect(fake.idleTimeouts).toEqual([2_000]);
  });

  it.each<[string, Kind[]]>([
    ['before the frame', []],
    ['after the frame', ['frame']],
    ['after the task', ['frame', 'task']],
  ])('cancelled %s, the work never runs', (_when, before) => {
    const fake = fakeScheduler();
    let ran = 0;
    const cancel = idleAfterPaint(() => ran++, 2_000, fake.scheduler);
    for (const kind of before) fake.run(kind);
    cancel();
    for (const kind of ['frame', 'task', 'idle'] as const) fake.run(kind);
    expect(ran).toBe(0);
    expect(fake.pending.size).toBe(0);
  });
});
