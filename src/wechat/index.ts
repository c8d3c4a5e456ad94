// Public API of the protocol client (docs/architecture.md: a library you could publish on its own).
export { createWeChatClient, type WeChatClient, type WeChatClientDeps } from './client';
export {
  isWeChatError,
  toPlainError,
  WeChatError,
  type PlainError,
  type RequestContext,
  type WeChatErrorContext,
  type WeChatErrorName,
} from './errors';
export { hostsFor, isMainHost, MAIN_HOSTS, WECHAT_HOSTS } from './hosts';
export { DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS, request, redactUrl, type HttpDeps } from './http';
export { formatSyncKey } from './session';
export { classify, cleanText, emojiFromId, safeUrl, type ClassifyFields } from './text';
export { parseJsLogin, parseLoginPoll, parseSyncCheck } from './parse-js';
export { parseArticlePush } from './parse-appmsg';
export { parseLoginXml, type LoginCredentials } from './parse-login-xml';
export {
  parseBatchGetContact,
  parseGetContact,
  parseInit,
  parsePushLogin,
  parseStatusNotify,
  parseSync,
} from './parse-json';
export type * from './types';
