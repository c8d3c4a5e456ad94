import type { BadgeResult } from './badge-latency';
import type { IdleResult } from './idle-cost';
import { REAL_HOLD_MS, SETTLE_MS } from './idle-cost';
import { median } from './probe';
import { list, ms, row, verdict } from './table';

const perMin = (n: number, windowMs: number): string =>
  `${((n * 60_000) / windowMs).toFixed(2)}/min`;
const increments = (before: string, after: string): boolean =>
  Number(after) === Number(before || '0') + 1;

/** "Cost of staying signed in": idle requests, wake-ups, badge latency. */
export function printStayReport(idle: IdleResult, badge: BadgeResult, latencyMs: number): void {
  const w = idle.windowMs;
  const holdFloor = perMin(1, REAL_HOLD_MS);
  // A message finds the synccheck held (its delay paid before the hold), which answers at once;
  // only the webwxsync that fetches the message pays the simulator's delay.
  const badgeFloor = latencyMs;
  // Issue target: one synccheck round trip (latencyMs here) + 100 ms.
  const badgeTarget = latencyMs + 100;
  const times = badge.samples.map((s) => s.badge);
  const counted = badge.samples.every((s) => increments(s.before, s.after));
  const m = median(times);
  console.log(`\nCost of staying signed in:`);
  console.log(`\n${row(['metric', 'measured', 'floor', 'target', 'result'])}`);
  console.log(row(['requests to WeChat hosts, idle', perMin(idle.total, w), '—', '—', '—']));
  console.log(
    row(['worker wake-ups (SW starts), idle', perMin(idle.starts, w), '0/min', '—', '—']),
  );
  console.log(row(['worker stops, idle', perMin(idle.stops, w), '0/min', '—', '—']));
  const ok = verdict(m <= badgeTarget && counted);
  console.log(
    row(['message → badge changed (median)', ms(m), ms(badgeFloor), `≤ ${ms(badgeTarget)}`, ok]),
  );

  console.log(
    `\nIdle: signed in once (server holds ${REAL_HOLD_MS / 1000} s, ${latencyMs} ms before every reply), popup closed,`,
  );
  console.log(
    `  only about:blank open; window of ${(w / 1000).toFixed(0)} s, from ${SETTLE_MS / 1000} s after the popup closed:`,
  );
  for (const e of idle.byEndpoint)
    console.log(`  ${e.name.padEnd(44)} ${String(e.count).padStart(4)}  ${perMin(e.count, w)}`);
  console.log(
    `  ${'total'.padEnd(44)} ${String(idle.total).padStart(4)}  ${perMin(idle.total, w)}`,
  );
  const gap = median(idle.synccheckGaps);
  console.log(`  gaps between synccheck arrivals (ms): ${list(idle.synccheckGaps)}`);
  console.log(`  steady rate: 60 000 / median gap (${ms(gap)}) = ${perMin(1, gap)}`);
  console.log(
    `  service worker: ${idle.starts} start(s), ${idle.stops} stop(s) in the window; ${idle.workersAtEnd} running at the end; session at the simulator: ${idle.sessionStatus}`,
  );
  console.log(
    [
      '  note: the sync loop always has a synccheck pending and pings an extension API every 20 s',
      '  while a fetch is pending, so the browser never finds the worker idle: no stop, no wake-up',
      '  (the 30 s "sync" alarm fires into a running worker). The requests are the synccheck',
      '  long-poll alone: the server holds it 25 s, the client gives up after 24 s (its timeout,',
      '  read as "nothing new") and asks again at once, so one synccheck every ~24 s (2.5/min);',
      `  ${holdFloor} would be one per full server hold. No webwxsync: the selector stays "0".`,
      '  The window count is whole arrivals in the window, so it sits a little below the steady rate.',
    ].join('\n'),
  );

  console.log(
    `\nBadge: ${badge.samples.length} messages ~1 s apart, ${latencyMs} ms before every reply; badge polled in the options page every ${badge.pollMs.toFixed(1)} ms on average.`,
  );
  console.log(`  message → badge text changed (page clock):      ${list(times)}`);
  console.log(
    `  message → webwxsync arrives at simulator:        ${list(badge.samples.map((s) => s.webwxsync))}`,
  );
  const steps = badge.samples.map((s) => `${s.before || '∅'}→${s.after || '∅'}`).join(', ');
  console.log(`  badge text before → after: ${steps} (${counted ? 'each +1' : 'NOT each +1'})`);
  console.log(
    [
      `  note: floor ${ms(badgeFloor)}: the simulator sleeps latencyMs before it handles a request, so`,
      '  the synccheck held when the message arrives answers at once; the webwxsync that fetches the',
      `  message pays one delay (${latencyMs} ms). Target: one synccheck round trip (${latencyMs} ms) + 100 ms.`,
    ].join('\n'),
  );
}
