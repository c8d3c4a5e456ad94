import type { PlainError, Contact, OfficialAccountFeed, Profile } from '../wechat';

/** Why the QR screen is shown again: a sentence above the QR code. */
export type Notice =
  | { readonly type: 'qrRenewed' }
  | { readonly type: 'cancelledOnPhone' }
  | { readonly type: 'sessionCleared' }
  | { readonly type: 'sessionEnded'; readonly code: number }
  /** Push login (docs/protocol.md §17) was refused or failed: a QR is the way in. */
  | { readonly type: 'pushFailed' }
  /** The background stopped while the ticket was being exchanged: it is spent, scan again. */
  | { readonly type: 'signInInterrupted' };

/** The account last signed in here: offered for push login (no QR) once its session ended. */
export interface AccountCard {
  readonly nickName: string;
  readonly avatar: string | null;
}

/** What the dashboard shows; also the snapshot kept with the session. */
export interface Dashboard {
  readonly profile: Profile;
  readonly contacts: readonly Contact[];
  readonly feeds: readonly OfficialAccountFeed[];
  /** userName -> data: URL, fetched by the background (avatars need the WeChat cookies). */
  readonly avatars: Readonly<Record<string, string>>;
  /** userName -> messages received since the chats were last shown. */
  readonly unread: Readonly<Record<string, number>>;
}

/** The one state the popup renders; App switches on `type`, one view per state. */
export type ViewState =
  | { readonly type: 'starting' }
  | {
      readonly type: 'qr';
      readonly qrText: string;
      readonly notice: Notice | null;
      /** Set when push login can be offered instead of the QR. */
      readonly account: AccountCard | null;
    }
  | { readonly type: 'pushSent'; readonly account: AccountCard }
  | { readonly type: 'scanned'; readonly avatar: string | null }
  | { readonly type: 'signingIn' }
  | {
      readonly type: 'signedIn';
      readonly dashboard: Dashboard;
      /** 'retrying' while the sync loop cannot reach WeChat; the session is kept meanwhile. */
      readonly connection: 'ok' | 'retrying';
    }
  | { readonly type: 'failed'; readonly error: PlainError };

/** The pages' colours: the system's scheme (prefers-color-scheme), or always light or dark. */
export type Theme = 'system' | 'light' | 'dark';
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

export interface Settings {
  /** Keep the session in storage.session, so it ends with the browser. */
  readonly forgetOnClose: boolean;
  /** Desktop notifications for new messages (off by default). */
  readonly notify: boolean;
  /** Show the message text in notifications, not only who sent it. */
  readonly notifyText: boolean;
  readonly theme: Theme;
}
