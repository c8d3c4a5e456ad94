import type { Dashboard } from '../shared/view';

/**
 * Whether a link message from this sender is an official account's push for the reading list,
 * or a link a person (or group) shared, which belongs in their chat. docs/protocol.md §19: an
 * official account has VerifyFlag & 8 (its contact kind is 'official'); the accounts of
 * webwxinit's MPSubscribeMsgList are official too, and `newsapp` is the subscription flow.
 */
export function isFeedSender(dashboard: Dashboard, userName: string): boolean {
  if (userName === 'newsapp') return true;
  if (dashboard.feeds.some((feed) => feed.userName === userName)) return true;
  return dashboard.contacts.some((c) => c.userName === userName && c.kind === 'official');
}
