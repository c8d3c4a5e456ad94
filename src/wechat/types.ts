/** Typed values decoded from WeChat web replies. Nothing here is a raw server shape. */

/** The four hosts an account lives on, derived from the redirect_uri host (docs/protocol.md §6). */
export interface HomeHosts {
  /** webwx* JSON calls, e.g. wx2.qq.com */
  readonly main: string;
  /** jslogin / login poll, e.g. login.wx2.qq.com */
  readonly login: string;
  /** uploads/downloads, e.g. file.wx2.qq.com */
  readonly file: string;
  /** synccheck long-poll, e.g. webpush.wx2.qq.com */
  readonly push: string;
}

/** Credentials from webwxnewloginpage (docs/protocol.md §5.2, §7). Cookies stay in the fetch's jar. */
export interface LoginTokens {
  readonly uin: number;
  readonly sid: string;
  readonly skey: string;
  /** As received: already percent-encoded inside the XML. */
  readonly passTicket: string;
  readonly hosts: HomeHosts;
}

/** One step of the login long-poll (docs/protocol.md §4). Expiry (400/500/0) is thrown as QrExpired. */
export type LoginPoll =
  | { readonly type: 'waiting' }
  | { readonly type: 'scanned'; readonly avatar: string | null }
  | { readonly type: 'confirmed'; readonly redirectUri: string }
  | { readonly type: 'cancelled' };

export type ContactKind = 'self' | 'person' | 'group' | 'official' | 'special';

export interface Contact {
  readonly userName: string;
  /** RemarkName || NickName, emoji converted, entities decoded (docs/protocol.md §19). */
  readonly displayName: string;
  readonly kind: ContactKind;
  /** Absolute https URL on the main host, or '' when the server gave none. Needs cookies. */
  readonly avatarUrl: string;
  readonly memberCount: number;
}

/**
 * The address-book side of a contact (docs/protocol.md §10, §19): what a card shows and what a
 * search matches. Text is cleaned like displayName; the pinyin fields are the server's own,
 * lower-cased ('' when absent: older replies and groups often have none).
 */
export interface ContactDetails {
  readonly nickName: string;
  readonly remarkName: string;
  readonly alias: string;
  readonly signature: string;
  /** "Province City" as the server gave them, '' when neither is set. */
  readonly region: string;
  readonly pyInitial: string;
  readonly pyQuanPin: string;
  readonly remarkPyInitial: string;
  readonly remarkPyQuanPin: string;
}

/** A contact with its address-book details (webwxgetcontact, batchgetcontact, ModContactList). */
export interface BookEntry extends Contact {
  readonly details: ContactDetails;
}

/**
 * Why a webwxgetcontact walk ended before Seq 0 (§10): the page bound was reached, the server
 * handed back a cursor already used, or it asked us to slow down (1205, §20).
 */
export type ContactListGap = 'pageLimit' | 'repeatedSeq' | 'rateLimited';

/** The whole address book as far as it could be read; `gap` is null when Seq reached 0. */
export interface ContactList {
  readonly contacts: readonly BookEntry[];
  readonly gap: ContactListGap | null;
  /** Requests made. */
  readonly pages: number;
}

export interface Profile {
  readonly uin: number;
  readonly userName: string;
  readonly nickName: string;
  readonly signature: string;
  readonly avatarUrl: string;
}

export interface Article {
  readonly title: string;
  readonly digest: string;
  /** Only http(s) URLs survive decoding; anything else becomes ''. */
  readonly url: string;
  readonly cover: string;
}

/** MPSubscribeMsgList entry: one official account and its latest articles. */
export interface OfficialAccountFeed {
  readonly userName: string;
  readonly nickName: string;
  /** Unix seconds. */
  readonly time: number;
  readonly articles: readonly Article[];
}

/** An article push from an official account (webwxsync MsgType 49 / AppMsgType 5, §14). */
export interface ArticlePush {
  /** FromUserName of the message: the official account. */
  readonly accountUserName: string;
  /** The account's display name from the push (mmreader category name or publisher), or ''. */
  readonly accountName: string;
  /** CreateTime of the message, unix seconds. */
  readonly time: number;
  /** Never empty: a push without a titled article is not an ArticlePush. */
  readonly articles: readonly Article[];
}

export interface SyncKeyItem {
  readonly key: number;
  readonly val: number;
}
export type SyncKey = readonly SyncKeyItem[];

export interface InitResult {
  readonly profile: Profile;
  readonly contacts: readonly Contact[];
  readonly feeds: readonly OfficialAccountFeed[];
  readonly syncKey: SyncKey;
  /** webwxinit.SKey replaces the XML skey when non-empty (docs/protocol.md §7). */
  readonly skey: string;
}

export interface SyncCheck {
  readonly retcode: number;
  readonly selector: number;
}

/** Fields every decoded message has (docs/protocol.md §14). */
export interface MessageBase {
  /** The string MsgId; NewMsgId is a JSON number > 2^53 and is ignored (§14). */
  readonly msgId: string;
  readonly fromUserName: string;
  readonly toUserName: string;
  /** Unix seconds. */
  readonly createTime: number;
}

/**
 * What one webwxsync message means, decoded in the library (docs/protocol.md §14, §19), so
 * nothing outside src/wechat reads a MsgType code, a StatusNotifyCode or escaped content.
 */
export type Message =
  /** MsgType 1. `text` is ready to show; a group's `@member:` prefix is in `sender`. */
  | (MessageBase & { readonly kind: 'text'; readonly sender: string; readonly text: string })
  /** MsgType 49 / AppMsgType 5 with at least one titled article. */
  | (MessageBase & { readonly kind: 'articlePush'; readonly push: ArticlePush })
  /** MsgType 51, StatusNotifyCode 4: the phone's chat list, most recent first. */
  | (MessageBase & { readonly kind: 'chatOrder'; readonly chats: readonly string[] })
  /** MsgType 51 with any other code: the phone opened, left or read a chat. */
  | (MessageBase & { readonly kind: 'phoneStatus' })
  /** MsgType 9999 / 10000: a notice from WeChat itself ("X joined the group"). */
  | (MessageBase & { readonly kind: 'system'; readonly text: string })
  /** MsgType 10002: the sender took a message back; `recalledMsgId` is '' when not named. */
  | (MessageBase & { readonly kind: 'recall'; readonly recalledMsgId: string })
  /** Everything else a person can send, named by what it carries, with what is known of it. */
  | (MessageBase & {
      readonly kind: 'other';
      readonly carries: Attachment;
      readonly detail: AttachmentDetail;
      /** A group's `@member:` prefix, as for text; '' elsewhere. */
      readonly sender: string;
    });

export type MessageKind = Message['kind'];

/**
 * What a message that is not text carries (MsgType 3, 34, 42, 43, 47, 48, 49, 62, §14), for a
 * page to name it ("an image"); 'unknown' for any other type, or a link that did not decode.
 */
export type Attachment =
  'image' | 'voice' | 'video' | 'card' | 'sticker' | 'location' | 'link' | 'file' | 'unknown';

/** What is known of an attachment without downloading it (§14 FileName, FileSize, Url). */
export interface AttachmentDetail {
  /** A link's title or a file's name, cleaned; '' when the server gave none. */
  readonly title: string;
  /** Only an http(s) URL; '' otherwise. */
  readonly url: string;
  /** Bytes; 0 when unknown. */
  readonly size: number;
}

/** webwxsendmsg's answer (docs/protocol.md §15): the server's MsgID and the LocalID echoed. */
export interface SentText {
  readonly msgId: string;
  readonly localId: string;
}

/** A group member as a group's MemberList names them (docs/protocol.md §11, §19). */
export interface GroupMember {
  readonly userName: string;
  /** The member's group card (DisplayName) or else NickName, cleaned. */
  readonly displayName: string;
}

/** Decoded webwxsync reply with the keys to use next (docs/protocol.md §13, §14). */
export interface SyncResult {
  readonly messages: readonly Message[];
  readonly modifiedContacts: readonly BookEntry[];
  /** UserNames from DelContactList. */
  readonly deletedContacts: readonly string[];
  /** The new SyncKey, or the one sent when the reply's set was empty (Count 0). */
  readonly syncKey: SyncKey;
  /** Key set for the next synccheck: SyncCheckKey, falling back to syncKey (§13). */
  readonly syncCheckKey: SyncKey;
  /** The skey to use from now on: a non-empty reply SKey, else the current one (§7). */
  readonly skey: string;
}
