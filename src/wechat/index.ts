// The library's one door (docs/architecture.md "One door", and a library you could publish on
// its own): the client, the errors as plain values, and the decoded types. Everything else in
// src/wechat is its own business; eslint refuses an import of it from outside.
export {
  createWeChatClient,
  type OutgoingText,
  type WeChatClient,
  type WeChatClientDeps,
} from './client';
export { toPlainError, type PlainError, type WeChatErrorName } from './errors';
// The background forgets WeChat's cookies on every one of these hosts (Clear session).
export { WECHAT_HOSTS } from './hosts';
export type * from './types';
