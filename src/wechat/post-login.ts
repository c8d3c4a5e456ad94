import {
  baseRequest,
  getText,
  mmUrl,
  postForm,
  postJson,
  requestContext,
  tilde,
  type ClientContext,
} from './context';
import { retError } from './json-read';
import { decodeMessage } from './message';
import type { ContactScope } from './parse-contact';
import { parseSyncCheck } from './parse-js';
import {
  parseBatchGetContact,
  parseGetContact,
  parseInit,
  parseStatusNotify,
  parseSync,
  type ContactPage,
} from './parse-json';
import { WeChatError } from './errors';
import type {
  BookEntry,
  ContactList,
  ContactListGap,
  InitResult,
  LoginTokens,
  SyncCheck,
  SyncKey,
  SyncResult,
} from './types';

// Query pieces shared by the main-host JSON calls. pass_ticket is pasted as received: it is
// already percent-encoded in the XML (§5.2, §7); skey/sid are encoded (`@`, `+`, `/`, §7).
const enc = encodeURIComponent;

function ticketQuery(c: ClientContext, tokens: LoginTokens): string {
  return `lang=${c.lang}&pass_ticket=${tokens.passTicket}`;
}

/** §8 webwxinit. Avatars become absolute on the main host; SKey replaces skey when set. */
export async function init(c: ClientContext, tokens: LoginTokens): Promise<InitResult> {
  const url = mmUrl(tokens.hosts.main, 'webwxinit', `r=${tilde(c)}&${ticketQuery(c, tokens)}`);
  const ctx = requestContext('webwxinit', url);
  const text = await postJson(c, ctx.operation, url, { BaseRequest: baseRequest(c, tokens) });
  return parseInit(text, ctx, tokens.hosts.main, tokens.skey);
}

/** §9 webwxstatusnotify Code 3 (INITED): tells the phone the web client is online. */
export async function statusNotify(
  c: ClientContext,
  tokens: LoginTokens,
  selfUserName: string,
): Promise<void> {
  const url = mmUrl(tokens.hosts.main, 'webwxstatusnotify', ticketQuery(c, tokens));
  const ctx = requestContext('webwxstatusnotify', url);
  const text = await postJson(c, ctx.operation, url, {
    BaseRequest: baseRequest(c, tokens),
    Code: 3,
    FromUserName: selfUserName,
    ToUserName: selfUserName,
    // §9: OFFICIAL sends a ms timestamp and says a ClientMsgId is mandatory.
    ClientMsgId: c.now(),
  });
  parseStatusNotify(text, ctx);
}

/** §16 webwxlogout as OFFICIAL does it: a form POST of sid/uin; the reply is ignored. */
export async function logout(c: ClientContext, tokens: LoginTokens): Promise<void> {
  const url = mmUrl(tokens.hosts.main, 'webwxlogout', `redirect=1&type=1&skey=${enc(tokens.skey)}`);
  await postForm(c, 'webwxlogout', url, `sid=${enc(tokens.sid)}&uin=${tokens.uin}`);
}

/** §13: `k_v|k_v`, then URL-encoded as a whole (the pipe goes out as %7C). */
export function formatSyncKey(syncKey: SyncKey): string {
  return syncKey.map((item) => `${item.key}_${item.val}`).join('|');
}

/**
 * §13 synccheck long-poll on the push host. retcode 1100/1101/1102 -> SessionEnded,
 * 1205 -> RateLimited, other non-zero -> Rejected; otherwise the selector (0 = nothing new).
 */
export async function syncCheck(
  c: ClientContext,
  tokens: LoginTokens,
  syncKey: SyncKey,
): Promise<SyncCheck> {
  const now = c.now();
  const query =
    `r=${now}&skey=${enc(tokens.skey)}&sid=${enc(tokens.sid)}&uin=${tokens.uin}` +
    `&deviceid=${baseRequest(c, tokens).DeviceID}&synckey=${enc(formatSyncKey(syncKey))}&_=${now}`;
  const url = mmUrl(tokens.hosts.push, 'synccheck', query);
  const ctx = requestContext('synccheck', url);
  const reply = parseSyncCheck(await getText(c, ctx.operation, url, c.longPollTimeoutMs), ctx);
  if (reply.retcode !== 0) throw retError(reply.retcode, '', ctx);
  return reply;
}

/**
 * §14 webwxsync, each message decoded into what it means (message.ts). `selfUserName` lets
 * modified contacts be classified as 'self'.
 */
export async function sync(
  c: ClientContext,
  tokens: LoginTokens,
  syncKey: SyncKey,
  selfUserName = '',
): Promise<SyncResult> {
  const url = mmUrl(
    tokens.hosts.main,
    'webwxsync',
    `sid=${enc(tokens.sid)}&skey=${enc(tokens.skey)}&${ticketQuery(c, tokens)}`,
  );
  const ctx = requestContext('webwxsync', url);
  // Answered at once (the long wait is synccheck's): a hang is noticed after the short
  // timeout, so the popup says "reconnecting" within seconds, not after two 20 s waits.
  const text = await postJson(
    c,
    ctx.operation,
    url,
    {
      BaseRequest: baseRequest(c, tokens),
      SyncKey: { Count: syncKey.length, List: syncKey.map((k) => ({ Key: k.key, Val: k.val })) },
      rr: tilde(c),
    },
    c.quickTimeoutMs,
  );
  const scope: ContactScope = { selfUserName, mainHost: tokens.hosts.main };
  const reply = parseSync(text, ctx, scope, { syncKey, skey: tokens.skey });
  return { ...reply, messages: reply.messages.map(decodeMessage) };
}

// §10/§21: OFFICIAL fetches at most 17 pages; 20 leaves headroom without looping forever.
export const MAX_CONTACT_PAGES = 20;

/**
 * §10 webwxgetcontact, paginated by Seq until 0. The walk ends early, and says why in `gap`,
 * when a cursor repeats (OPENWECHAT stops there too), when MAX_CONTACT_PAGES pages were read,
 * or on 1205 (§20) after the first page: what was read so far is returned, so the caller can
 * show it as incomplete. Every other error is thrown as the named error it is.
 */
export async function getContacts(
  c: ClientContext,
  tokens: LoginTokens,
  selfUserName = '',
): Promise<ContactList> {
  const scope: ContactScope = { selfUserName, mainHost: tokens.hosts.main };
  const byName = new Map<string, BookEntry>();
  const seen = new Set<number>();
  let seq = 0;
  let pages = 0;
  const result = (gap: ContactListGap | null): ContactList => ({
    contacts: [...byName.values()],
    gap,
    pages,
  });
  while (pages < MAX_CONTACT_PAGES) {
    seen.add(seq);
    const query = `${ticketQuery(c, tokens)}&r=${c.now()}&seq=${seq}&skey=${enc(tokens.skey)}`;
    const url = mmUrl(tokens.hosts.main, 'webwxgetcontact', query);
    const ctx = requestContext('webwxgetcontact', url);
    pages += 1;
    let page: ContactPage;
    try {
      page = parseGetContact(await getText(c, ctx.operation, url), ctx, scope);
    } catch (error) {
      if (pages > 1 && error instanceof WeChatError && error.name === 'RateLimited') {
        return result('rateLimited');
      }
      throw error;
    }
    for (const contact of page.contacts) byName.set(contact.userName, contact);
    if (page.seq === 0) return result(null);
    if (seen.has(page.seq)) return result('repeatedSeq');
    seq = page.seq;
  }
  return result('pageLimit');
}

// §11: every client sends at most 50 names per webwxbatchgetcontact call.
const BATCH_SIZE = 50;

/** §11 webwxbatchgetcontact for groups/unknown users, in batches of 50. */
export async function batchGetContacts(
  c: ClientContext,
  tokens: LoginTokens,
  userNames: readonly string[],
  selfUserName = '',
): Promise<BookEntry[]> {
  const scope: ContactScope = { selfUserName, mainHost: tokens.hosts.main };
  const out: BookEntry[] = [];
  for (let start = 0; start < userNames.length; start += BATCH_SIZE) {
    const batch = userNames.slice(start, start + BATCH_SIZE);
    const query = `type=ex&r=${c.now()}&${ticketQuery(c, tokens)}`;
    const url = mmUrl(tokens.hosts.main, 'webwxbatchgetcontact', query);
    const ctx = requestContext('webwxbatchgetcontact', url);
    const text = await postJson(c, ctx.operation, url, {
      BaseRequest: baseRequest(c, tokens),
      Count: batch.length,
      List: batch.map((userName) => ({ UserName: userName, EncryChatRoomId: '' })),
    });
    out.push(...parseBatchGetContact(text, ctx, scope));
  }
  return out;
}
