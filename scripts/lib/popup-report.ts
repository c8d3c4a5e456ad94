import type { Opening } from './popup-open';
import { list, ms, row, verdict } from './table';
import { median, p95 } from './probe';

const finite = (values: readonly (number | null | undefined)[]): number[] =>
  values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));

interface Step {
  readonly label: string;
  readonly at: (o: Opening) => number | null | undefined;
}

/** The moments of an opening in the order they happen, each in ms from navigation start. */
const STEPS: readonly Step[] = [
  { label: 'HTML parsed (page start-up)', at: (o) => o.interactive },
  { label: 'first message to the background', at: (o) => o.sent },
  { label: 'jslogin: connection opened', at: (o) => o.request?.opened },
  { label: 'jslogin: TLS set up', at: (o) => o.request?.secure },
  { label: 'jslogin: arrives at WeChat', at: (o) => o.request?.arrived },
  // The answer is noted by a callback queued behind the popup's own; a view painted from
  // storage may also come before it. Whichever came first counts.
  {
    label: 'popup has its answer or its view',
    at: (o) => (o.answered === null ? o.dom : Math.min(o.answered, o.dom)),
  },
  { label: 'painted', at: (o) => o.frame },
];

/**
 * One opening kind: the timeline (median and p95 of each moment since navigation start), and
 * the time from one moment to the next: the breakdown of where an opening's time goes.
 */
export function printTimeline(title: string, runs: readonly Opening[], latencyMs: number): void {
  console.log(`\n${title} — ms since navigation start, median / p95 of ${runs.length}:`);
  // In the order they happened (in Chromium the worker sends jslogin on the popup's navigation,
  // before the page is parsed, for one); a moment no run reached is left out.
  const happened = STEPS.map((step) => ({ step, values: finite(runs.map(step.at)) }))
    .filter((s) => s.values.length > 0)
    .sort((a, b) => median(a.values) - median(b.values));
  // Each step's "+N" is its median less the previous step's, so the steps add up to the total.
  let previous: number | null = null;
  for (const { step, values } of happened) {
    const at = median(values);
    const since = previous === null ? '' : `   +${(at - previous).toFixed(0)}`;
    console.log(
      `  ${step.label.padEnd(36)} ${ms(at).padStart(7)} / ${ms(p95(values)).padStart(7)}${since}`,
    );
    previous = at;
  }
  const withRequest = runs.filter((o) => o.request);
  if (withRequest.length) {
    const reply = finite(withRequest.map((o) => diff(o.answered, o.request?.arrived)));
    console.log(
      `  of which WeChat's delay: ${latencyMs} ms; the rest of "answers" (+${(median(reply) - latencyMs).toFixed(0)}) is the reply's way back through the background`,
    );
  }
}

function diff(a: number | null | undefined, b: number | null | undefined): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : NaN;
}

export interface Target {
  readonly label: string;
  readonly values: readonly number[];
  readonly floor: number;
  readonly slack: number;
}

/** One table row per target: median, p95, floor, target, verdict (judged on the median). */
export function printTargets(targets: readonly Target[]): void {
  console.log(`\n${row(['metric', 'median', 'p95', 'floor', 'target', 'result'])}`);
  for (const t of targets) {
    const m = median(finite(t.values));
    console.log(
      row([
        t.label,
        ms(m),
        ms(p95(t.values)),
        ms(t.floor),
        `≤ ${ms(t.floor + t.slack)}`,
        verdict(m <= t.floor + t.slack),
      ]),
    );
  }
}

export function printSamples(label: string, values: readonly number[]): void {
  console.log(`  ${label.padEnd(48)} ${list(values)}`);
}
