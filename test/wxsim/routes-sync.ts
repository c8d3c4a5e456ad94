/** Push host synccheck (§13, §22.10) and main host webwxsync (§14, §22.11). */
import { dataTicketDomain } from './config.js';
import { loadFixtures, type JsonObj } from './fixtures.js';
import { CT_JS, jsonReply, reply, setCookie, type Reply } from './http-util.js';
import { authenticate, baseResponse, type Ctx } from './routes-common.js';
import { parseSyncKeyBody, parseSyncKeyParam, type Session, type SyncList } from './session.js';

const check = (retcode: string, selector: string): Reply =>
  reply(200, CT_JS, `window.synccheck={retcode:"${retcode}",selector:"${selector}"}`, {
    'Access-Control-Allow-Origin': '*',
  });

function deadRetcode(s: Session): string | null {
  if (s.status === 'active') return null;
  return s.status === 'phoneLogout' ? '1100' : '1101';
}

/**
 * Cookies missing → 1102; sid/uin/skey not matching → 1101; dead session → 1100/1101;
 * config.syncRateLimit → 1205 (§20 frequency limit; as a synccheck retcode: **inference**);
 * pending events after the client's synckey → immediate selector ("2" if any message is
 * pending, else the event's own, e.g. "4" for a contact change) until webwxsync advances the
 * key; otherwise hold and answer selector "0".
 */
export async function synccheck(ctx: Ctx): Promise<Reply> {
  const q = ctx.url.searchParams;
  const cUin = ctx.cookies.get('wxuin');
  const cSid = ctx.cookies.get('wxsid');
  if (!cUin || !cSid) return check('1102', '0');
  const s = ctx.sim.sessionBySid(cSid);
  if (
    !s ||
    String(s.uin) !== cUin ||
    q.get('sid') !== s.sid ||
    q.get('uin') !== String(s.uin) ||
    q.get('skey') !== s.skey
  ) {
    return check('1101', '0');
  }
  const seen = s.seenFrom(parseSyncKeyParam(q.get('synckey') ?? ''));
  const until = Date.now() + ctx.sim.config.syncHoldMs;
  for (;;) {
    const dead = deadRetcode(s);
    if (dead) return check(dead, '0');
    if (ctx.sim.config.syncRateLimit) return check('1205', '0');
    const pending = s.pendingAfter(seen);
    if (pending.length > 0) {
      return check(
        '0',
        pending.some((e) => e.selector === '2') ? '2' : (pending[0]?.selector ?? '2'),
      );
    }
    const left = until - Date.now();
    if (left <= 0 || ctx.signal.aborted) return check('0', '0');
    await s.changed.wait(left, ctx.signal);
  }
}

const DAY = 24 * 3_600_000;

/** New SyncKey AND SyncCheckKey, SKey "", ContinueFlag 0, Set-Cookie refresh (§14, §5.4). */
export function webwxsync(ctx: Ctx): Reply {
  const fx = loadFixtures();
  const a = authenticate(ctx);
  const skeleton = {
    AddMsgCount: 0,
    AddMsgList: [],
    ModContactCount: 0,
    ModContactList: [],
    DelContactCount: 0,
    DelContactList: [],
    ModChatRoomMemberCount: 0,
    ModChatRoomMemberList: [],
    Profile: fx.profileTemplate,
    ContinueFlag: 0,
  };
  if (!a.ok) {
    const empty = { Count: 0, List: [] };
    return jsonReply({
      BaseResponse: baseResponse(a.ret),
      ...skeleton,
      SyncKey: empty,
      SyncCheckKey: empty,
      SKey: '',
    });
  }
  const s = a.session;
  if (ctx.sim.config.syncRateLimit) {
    // §20: 1205 frequency limit; nothing is handed out and the keys do not advance.
    const empty = { Count: 0, List: [] };
    return jsonReply({
      BaseResponse: baseResponse(1205),
      ...skeleton,
      SyncKey: empty,
      SyncCheckKey: empty,
      SKey: '',
    });
  }
  const keys = parseSyncKeyBody(ctx.json?.SyncKey);
  if (!keys)
    return jsonReply({
      BaseResponse: baseResponse(1),
      ...skeleton,
      SyncKey: s.initSyncKey(),
      SKey: '',
    });
  const pending = s.pendingAfter(s.seenFrom(keys));
  const entries = (list: SyncList): JsonObj[] =>
    pending.filter((e) => e.list === list).map((e) => e.entry);
  const msgs = entries('AddMsgList');
  const modContacts = entries('ModContactList');
  const delContacts = entries('DelContactList');
  const syncKey = s.syncKey();
  const home = s.homeHost;
  const cookies = [
    setCookie('wxuin', String(s.uin), home, 3 * DAY),
    setCookie('wxsid', s.sid, home, 3 * DAY),
    setCookie('wxloadtime', `${s.createdAt}_expired`, home, 3 * DAY),
    setCookie('webwx_data_ticket', s.dataTicket, dataTicketDomain(home), 3 * DAY),
    setCookie(
      'wxpluginkey',
      String(syncKey.List.find((k) => k.Key === 1000)?.Val ?? 0),
      home,
      3 * DAY,
    ),
  ];
  return jsonReply(
    {
      BaseResponse: baseResponse(0),
      ...skeleton,
      AddMsgCount: msgs.length,
      AddMsgList: msgs,
      ModContactCount: modContacts.length,
      ModContactList: modContacts,
      DelContactCount: delContacts.length,
      DelContactList: delContacts,
      SyncKey: syncKey,
      SyncCheckKey: s.syncKey(),
      SKey: '',
    },
    { 'Set-Cookie': cookies },
  );
}
