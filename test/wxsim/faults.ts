/** Fault injection and request accounting (docs/testing.md: POST /fault, GET /state). */

export type FaultKind = 'http500' | 'reset' | 'hang' | 'malformed' | 'oversize';
export const FAULT_KINDS: readonly FaultKind[] = [
  'http500',
  'reset',
  'hang',
  'malformed',
  'oversize',
];

/** What 'oversize' pads a reply to: the 12.9 MB webwxinit a hostile or broken server sent. */
export const OVERSIZE_BYTES = 13 * 1024 * 1024;

/** Endpoint names used for counters and faults (path's last segment; webwxnewloginpage → newloginpage). */
export const ENDPOINTS = [
  'jslogin',
  'qrcode',
  'login',
  'newloginpage',
  'webwxinit',
  'webwxstatusnotify',
  'webwxgetcontact',
  'webwxbatchgetcontact',
  'synccheck',
  'webwxsync',
  'webwxsendmsg',
  'webwxlogout',
  'webwxpushloginurl',
  'webwxgeticon',
  'webwxgetheadimg',
] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

export function toEndpoint(name: string): Endpoint | null {
  const n = name === 'webwxnewloginpage' ? 'newloginpage' : name;
  return ENDPOINTS.find((e) => e === n) ?? null;
}

export class Faults {
  private map = new Map<Endpoint, { kind: FaultKind; left: number }>();

  set(endpoint: Endpoint, kind: FaultKind | null, times?: number): void {
    if (kind === null) this.map.delete(endpoint);
    else this.map.set(endpoint, { kind, left: times ?? Number.POSITIVE_INFINITY });
  }

  /** Consume one application of the fault armed for this endpoint, if any. */
  take(endpoint: Endpoint): FaultKind | null {
    const f = this.map.get(endpoint);
    if (!f) return null;
    f.left -= 1;
    if (f.left <= 0) this.map.delete(endpoint);
    return f.kind;
  }

  list(): Record<string, { fault: FaultKind; times: number | null }> {
    const out: Record<string, { fault: FaultKind; times: number | null }> = {};
    for (const [k, v] of this.map)
      out[k] = { fault: v.kind, times: Number.isFinite(v.left) ? v.left : null };
    return out;
  }

  clear(): void {
    this.map.clear();
  }
}

/**
 * When the connection a request came on was opened and its TLS handshake finished (epoch ms,
 * sub-millisecond), and whether this request is the first on it: `npm run bench` splits a
 * request's wait into connection set-up and the rest.
 */
export interface ConnectionTimes {
  readonly openedAt: number;
  readonly secureAt: number;
  readonly first: boolean;
}

export interface LoggedRequest {
  method: string;
  url: string;
  endpoint: string;
  /** Arrival, epoch ms (Date.now()). */
  at: number;
  connection?: ConnectionTimes;
}

export interface RequestLog {
  counts: Record<string, number>;
  last: LoggedRequest[];
}

export function newRequestLog(): RequestLog {
  return { counts: {}, last: [] };
}

/** How many requests `last` keeps: enough for a minute of idle polling, counted per endpoint/host. */
export const REQUEST_HISTORY = 2000;

export function logRequest(
  log: RequestLog,
  method: string,
  url: string,
  endpoint: string,
  connection?: ConnectionTimes,
): void {
  log.counts[endpoint] = (log.counts[endpoint] ?? 0) + 1;
  log.last.push({ method, url, endpoint, at: Date.now(), ...(connection ? { connection } : {}) });
  if (log.last.length > REQUEST_HISTORY) log.last.shift();
}
