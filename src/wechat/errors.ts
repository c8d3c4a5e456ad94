/**
 * Named errors of the protocol client. Callers recognise them by `name` (they cross
 * extension contexts as plain objects, see toPlainError), never by instanceof.
 */
export type WeChatErrorName =
  | 'Timeout'
  | 'Network'
  | 'Malformed'
  | 'TooLarge'
  | 'QrExpired'
  | 'LoginBlocked'
  | 'SessionEnded'
  | 'RateLimited'
  | 'Rejected';

export interface WeChatErrorContext {
  /** What the client was doing, e.g. 'jslogin', 'webwxinit'. */
  readonly operation: string;
  /** The URL requested, without secrets in the query where possible. */
  readonly url: string;
  /** Server code: window.code, <ret>, BaseResponse.Ret, synccheck retcode, or HTTP status. */
  readonly code?: number;
  /** The server's own words (1203 message), shown to the user as text. */
  readonly serverMessage?: string;
}

export class WeChatError extends Error {
  override readonly name: WeChatErrorName;
  readonly operation: string;
  readonly url: string;
  readonly code: number | undefined;
  readonly serverMessage: string | undefined;

  constructor(
    name: WeChatErrorName,
    message: string,
    context: WeChatErrorContext,
    cause?: unknown,
  ) {
    super(
      `${context.operation}: ${message} (${context.url})`,
      cause === undefined ? undefined : { cause },
    );
    this.name = name;
    this.operation = context.operation;
    this.url = context.url;
    this.code = context.code;
    this.serverMessage = context.serverMessage;
  }
}

/** The plain shape errors take across runtime messages (docs/architecture.md "State and commands"). */
export interface PlainError {
  readonly name: WeChatErrorName | 'Unknown';
  readonly message: string;
  readonly operation?: string;
  readonly code?: number;
  readonly serverMessage?: string;
}

export function isWeChatError(value: unknown): value is WeChatError {
  return value instanceof WeChatError;
}

export function toPlainError(error: unknown): PlainError {
  if (error instanceof WeChatError) {
    return {
      name: error.name,
      message: error.message,
      operation: error.operation,
      ...(error.code === undefined ? {} : { code: error.code }),
      ...(error.serverMessage === undefined ? {} : { serverMessage: error.serverMessage }),
    };
  }
  return { name: 'Unknown', message: error instanceof Error ? error.message : String(error) };
}

/** Where a reply came from; every parser gets one so its errors name the operation and URL. */
export interface RequestContext {
  readonly operation: string;
  readonly url: string;
}

/** The reply did not have the shape docs/protocol.md documents. */
export function malformed(ctx: RequestContext, message: string, cause?: unknown): WeChatError {
  return new WeChatError('Malformed', message, ctx, cause);
}
