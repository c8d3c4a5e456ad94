import type { ChatResult } from './chat-latency';
import { median, p95 } from './probe';
import { list, ms, row, verdict } from './table';

/**
 * Reading and replying. Floors: a pushed message needs one delayed reply, the webwxsync (the
 * held synccheck paid its delay before the hold, as the login poll does, and answers at once);
 * opening a chat needs no request; a send needs one webwxsendmsg reply.
 */
export function printChatReport(result: ChatResult, latencyMs: number): void {
  const lines: [string, readonly number[], number, number][] = [
    ['message pushed → shown in open chat', result.arrive, latencyMs, 100],
    [`open a chat of ${result.stored} → painted`, result.open, 0, 100],
    ['send → "sent" shown', result.sent, latencyMs, 50],
  ];
  console.log(`\n${row(['reading and replying', 'median', 'p95', 'floor', 'target', 'result'])}`);
  for (const [label, values, floor, slack] of lines) {
    const m = median(values);
    console.log(
      row([
        label,
        ms(m),
        ms(p95(values)),
        ms(floor),
        `≤ ${ms(floor + slack)}`,
        verdict(m <= floor + slack),
      ]),
    );
  }
  for (const [label, values] of lines) console.log(`  ${label}: ${list(values)}`);
}
