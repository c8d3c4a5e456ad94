import type { BookResult } from './book-bench';
import { median, p95 } from './probe';
import { list, ms, row, verdict } from './table';
const mb = (bytes: number): string => `${(bytes / 1_000_000).toFixed(1)} MB`;

/** "The whole address book": fetch, opening, typing, rows, heap. */
export function printBookReport(r: BookResult, latencyMs: number, batchGapMs: number): void {
  // Each page and each batch pays the simulator's delay once; batches are spaced batchGapMs.
  const floor = (r.getcontactPages + r.batchCalls) * latencyMs + (r.batchCalls - 1) * batchGapMs;
  const open = Math.max(...r.openSamples);
  const key = p95(r.keySamples);
  console.log(`\nThe whole address book (large account: 5,000 contacts, 300 groups, 50 MPs):`);
  console.log(`\n${row(['metric', 'measured', 'floor', 'target', 'result'])}`);
  console.log(
    row([
      `full fetch (${r.getcontactPages} pages + ${r.batchCalls} batch calls)`,
      ms(r.fetchMs),
      ms(floor),
      '—',
      '—',
    ]),
  );
  console.log(
    row(['open Contacts → first rows (worst)', ms(open), '—', '≤ 100 ms', verdict(open <= 100)]),
  );
  console.log(
    row([
      'keystroke → rows updated (p95)',
      `${key.toFixed(1)} ms`,
      '—',
      '≤ 16 ms',
      verdict(key <= 16),
    ]),
  );
  console.log(
    row(['rows in the DOM (open / most)', `${r.rowsOpen} / ${r.rowsMax}`, '—', '—', '—']),
  );
  console.log(
    row([
      'JS heap after scrolling all',
      mb(r.heapBytes),
      '—',
      '≤ 30 MB',
      verdict(r.heapBytes <= 30e6),
    ]),
  );
  console.log(
    `\n  open samples (ms): ${list(r.openSamples)}; median ${median(r.openSamples).toFixed(0)}`,
  );
  console.log(`  keystroke samples (ms): ${r.keySamples.map((v) => v.toFixed(1)).join(', ')}`);
}
