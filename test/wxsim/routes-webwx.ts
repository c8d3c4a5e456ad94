/** Main host JSON: webwxinit (§8), webwxstatusnotify (§9), webwxgetcontact (§10), batchget (§11). */
import { randomInt } from 'node:crypto';
import { blankContact } from './contact-util.js';
import { loadFixtures, type Contact, type JsonObj } from './fixtures.js';
import { jsonReply, type Reply } from './http-util.js';
import { newMsgId } from './ids.js';
import { statusNotifyMessage } from './messages.js';
import { authenticate, baseResponse, type Ctx } from './routes-common.js';
import type { Session } from './session.js';

/** Zero every field by type: the error skeleton of webwxinit (§8, issue_samples.txt). */
function zeroed(v: unknown): unknown {
  if (typeof v === 'number') return 0;
  if (typeof v === 'string') return '';
  if (Array.isArray(v)) return [];
  if (typeof v === 'object' && v !== null) {
    return Object.fromEntries(Object.entries(v as JsonObj).map(([k, x]) => [k, zeroed(x)]));
  }
  return v;
}

/** HeadImgUrl carries the current skey (fixture values carry a 2016 one); empty stays empty. */
export function skeyUrl(url: string, skey: string): string {
  return url.replace(/([?&]skey=)([^&]+)/, `$1${skey}`);
}

export function withSkey(c: Contact, skey: string): Contact {
  return { ...c, HeadImgUrl: skeyUrl(c.HeadImgUrl, skey) };
}

export function webwxinit(ctx: Ctx): Reply {
  const fx = loadFixtures();
  const a = authenticate(ctx);
  if (!a.ok) {
    const sk = zeroed(fx.init) as JsonObj;
    sk.BaseResponse = baseResponse(a.ret);
    sk.SyncKey = { Count: 0, List: [] };
    return jsonReply(sk);
  }
  const s = a.session;
  const acc = s.account;
  const contacts = acc.initContacts.map((c) => withSkey(c, s.skey));
  const user = { ...acc.user, HeadImgUrl: skeyUrl(String(acc.user.HeadImgUrl), s.skey) };
  // Key order and the constant fields (ClientVersion, GrayScale, …) follow the fixture.
  const out: JsonObj = {};
  for (const key of Object.keys(fx.init)) out[key] = fx.init[key];
  Object.assign(out, {
    BaseResponse: baseResponse(0),
    Count: contacts.length,
    ContactList: contacts,
    SyncKey: s.initSyncKey(),
    User: user,
    ChatSet: acc.chatSet,
    SKey: s.skey,
    SystemTime: Math.floor(Date.now() / 1000),
    MPSubscribeMsgCount: acc.mpSubscribe.length,
    MPSubscribeMsgList: acc.mpSubscribe,
  });
  return jsonReply(out);
}

/** `{BaseResponse, MsgID}`; Code 3 queues MsgType 51 / StatusNotifyCode 4 (§9). */
export function webwxstatusnotify(ctx: Ctx): Reply {
  const a = authenticate(ctx);
  if (!a.ok) return jsonReply({ BaseResponse: baseResponse(a.ret), MsgID: '' });
  const code = Number(ctx.json?.Code);
  a.session.notified.push({ code, to: String(ctx.json?.ToUserName ?? '') });
  if (code === 3) a.session.enqueue(statusNotifyMessage(a.session.account));
  return jsonReply({ BaseResponse: baseResponse(0), MsgID: newMsgId() });
}

function page(
  s: Session,
  seqParam: string | null,
  size: number,
): { list: Contact[]; next: number } {
  const all = s.account.contacts;
  const seq = Number(seqParam ?? '0');
  const offset = !seq ? 0 : s.contactCursors.get(seq);
  if (offset === undefined) return { list: [], next: 0 };
  const end = Math.min(all.length, offset + size);
  let next = 0;
  if (end < all.length) {
    next = 600_000_000 + randomInt(300_000_000); // opaque cursor
    s.contactCursors.set(next, end);
  }
  return { list: all.slice(offset, end).map((c) => withSkey(c, s.skey)), next };
}

/** Which page of the walk a cursor asks for (1-based), for the 1205 switch. */
function pageNumber(s: Session, seqParam: string | null, size: number): number {
  const seq = Number(seqParam ?? '0');
  const offset = !seq ? 0 : s.contactCursors.get(seq);
  return offset === undefined ? -1 : Math.floor(offset / size) + 1;
}

/** GET or POST; pages until `Seq: 0`; MemberCount = entries in this page (§10). */
export function webwxgetcontact(ctx: Ctx): Reply {
  const a = authenticate(ctx);
  if (!a.ok)
    return jsonReply({ BaseResponse: baseResponse(a.ret), MemberCount: 0, MemberList: [], Seq: 0 });
  const size = ctx.sim.config.contactPageSize;
  const seqParam = ctx.url.searchParams.get('seq');
  const limited = ctx.sim.config.contactRateLimitPage;
  if (limited > 0 && pageNumber(a.session, seqParam, size) === limited) {
    return jsonReply({ BaseResponse: baseResponse(1205), MemberCount: 0, MemberList: [], Seq: 0 });
  }
  const { list, next } = page(a.session, seqParam, size);
  return jsonReply({
    BaseResponse: baseResponse(0),
    MemberCount: list.length,
    MemberList: list,
    Seq: next,
  });
}

/** ≤ 50 items (§11); more → Ret 1. Unknown UserNames are left out. */
export function webwxbatchgetcontact(ctx: Ctx): Reply {
  const a = authenticate(ctx);
  const empty = (ret: number): Reply =>
    jsonReply({ BaseResponse: baseResponse(ret), Count: 0, ContactList: [] });
  if (!a.ok) return empty(a.ret);
  const list = ctx.json?.List;
  if (!Array.isArray(list) || list.length > 50) return empty(1);
  const acc = a.session.account;
  const out: Contact[] = [];
  for (const item of list as unknown[]) {
    const name = typeof item === 'object' && item !== null ? (item as JsonObj).UserName : undefined;
    if (typeof name !== 'string') continue;
    const group = acc.groups.get(name);
    if (group) {
      // Group avatars come without skey in batchget replies (fixture).
      out.push({ ...group, HeadImgUrl: group.HeadImgUrl.replace(/([?&]skey=)[^&]*/, '$1') });
      continue;
    }
    const c =
      acc.contacts.find((x) => x.UserName === name) ??
      acc.initContacts.find((x) => x.UserName === name);
    if (c) {
      out.push(withSkey(c, a.session.skey));
      continue;
    }
    // A group member asked for with {UserName, EncryChatRoomId} (ITCHAT) or the group's name (OFFICIAL).
    for (const g of acc.groups.values()) {
      const m = g.MemberList.find((x) => x.UserName === name);
      if (m) {
        out.push(blankContact({ UserName: name, NickName: String(m.NickName), ContactFlag: 0 }));
        break;
      }
    }
  }
  return jsonReply({ BaseResponse: baseResponse(0), Count: out.length, ContactList: out });
}
