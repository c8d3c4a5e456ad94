import type { PlainError } from '../wechat/errors';
import type { Contact, OfficialAccountFeed, Profile } from '../wechat/types';

/** Why the QR screen is shown again: a sentence above the QR code. */
export type Notice =
  | { readonly type: 'qrRenewed' }
  | { readonly type: 'cancelledOnPhone' }
  | { readonly type: 'sessionCleared' }
  | { readonly type: 'sessionEnded'; readonly code: number };

/** What the dashboard shows; also the snapshot kept with the session. */
export interface Dashboard {
  readonly profile: Profile;
  readonly contacts: readonly Contact[];
  readonly feeds: readonly OfficialAccountFeed[];
  /** userName -> data: URL, fetched by the background (avatars need the WeChat cookies). */
  readonly avatars: Readonly<Record<string, string>>;
}

/** The one state the popup renders; App switches on `type`, one view per state. */
export type ViewState =
  | { readonly type: 'starting' }
  | { readonly type: 'qr'; readonly qrText: string; readonly notice: Notice | null }
  | { readonly type: 'scanned'; readonly avatar: string | null }
  | { readonly type: 'signingIn' }
  | { readonly type: 'signedIn'; readonly dashboard: Dashboard }
  | { readonly type: 'failed'; readonly error: PlainError };

export interface Settings {
  /** Keep the session in storage.session, so it ends with the browser (issue #3 item 4). */
  readonly forgetOnClose: boolean;
}
