/** One HTTPS server for every WeChat host, dispatching on Host + path (docs/protocol.md §1, §6). */
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { CertPair } from './cert.js';
import { classifyHost, type HostKind } from './config.js';
import { logRequest, OVERSIZE_BYTES, type ConnectionTimes, type Endpoint } from './faults.js';
import { parseCookies, parseJsonBody, readBody, reply, sleep, type Reply } from './http-util.js';
import type { Ctx, Handler } from './routes-common.js';
import { jslogin, loginPoll, qrcode } from './routes-login.js';
import { newLoginPage } from './routes-newlogin.js';
import { avatar, webwxlogout, webwxpushloginurl, webwxsendmsg } from './routes-session.js';
import { synccheck, webwxsync } from './routes-sync.js';
import {
  webwxbatchgetcontact,
  webwxgetcontact,
  webwxinit,
  webwxstatusnotify,
} from './routes-webwx.js';
import type { SimState } from './state.js';

const CGI = '/cgi-bin/mmwebwx-bin/';

const MAIN: Partial<Record<string, [Endpoint, Handler]>> = {
  webwxnewloginpage: ['newloginpage', newLoginPage],
  webwxinit: ['webwxinit', webwxinit],
  webwxstatusnotify: ['webwxstatusnotify', webwxstatusnotify],
  webwxgetcontact: ['webwxgetcontact', webwxgetcontact],
  webwxbatchgetcontact: ['webwxbatchgetcontact', webwxbatchgetcontact],
  webwxsync: ['webwxsync', webwxsync],
  webwxsendmsg: ['webwxsendmsg', webwxsendmsg],
  webwxlogout: ['webwxlogout', webwxlogout],
  webwxpushloginurl: ['webwxpushloginurl', webwxpushloginurl],
  webwxgeticon: ['webwxgeticon', avatar],
  webwxgetheadimg: ['webwxgetheadimg', avatar],
};

function route(kind: HostKind, path: string): [Endpoint, Handler] | null {
  const cgi = path.startsWith(CGI) ? path.slice(CGI.length) : null;
  switch (kind) {
    case 'login':
      if (path === '/jslogin') return ['jslogin', jslogin];
      if (/^\/qrcode\/[^/]+$/.test(path)) return ['qrcode', qrcode];
      if (cgi === 'login') return ['login', loginPoll];
      // ITCHAT asks the login host for push login (§17).
      if (cgi === 'webwxpushloginurl') return ['webwxpushloginurl', webwxpushloginurl];
      return null;
    case 'main':
      return cgi === null ? null : (MAIN[cgi] ?? null);
    case 'push':
      return cgi === 'synccheck' ? ['synccheck', synccheck] : null;
    case 'file':
      return null; // uploads/downloads (§12) are not simulated
  }
}

const notFound = (): Reply => reply(404, 'text/html', '<html><body>404 Not Found</body></html>');

/** Keep roughly the first half: a body that no parser accepts (fault 'malformed'). */
function corrupt(r: Reply): Reply {
  const b = Buffer.isBuffer(r.body) ? r.body : Buffer.from(r.body, 'utf8');
  const body =
    b.length > 2 ? b.subarray(0, Math.floor(b.length / 2)) : Buffer.from('<html>\u0000{');
  return { ...r, body };
}

/**
 * The real reply grown to OVERSIZE_BYTES (fault 'oversize'): JSON keeps parsing (whitespace
 * before its last brace), any other body gets trailing spaces or zero bytes.
 */
function oversize(r: Reply): Reply {
  const b = Buffer.isBuffer(r.body) ? r.body : Buffer.from(r.body, 'utf8');
  const pad = Buffer.alloc(Math.max(0, OVERSIZE_BYTES - b.length), 0x20);
  const close = b.lastIndexOf('}');
  const body =
    close === -1
      ? Buffer.concat([b, pad])
      : Buffer.concat([b.subarray(0, close), pad, b.subarray(close)]);
  return { ...r, body };
}

function write(res: ServerResponse, r: Reply): void {
  if (res.destroyed || res.writableEnded) return;
  const body = Buffer.isBuffer(r.body) ? r.body : Buffer.from(r.body, 'utf8');
  res.writeHead(r.status, { ...r.headers, 'Content-Length': String(body.length) });
  res.end(body);
}

export async function handle(
  sim: SimState,
  req: IncomingMessage,
  res: ServerResponse,
  hung: Set<Socket>,
): Promise<void> {
  const h = classifyHost(req.headers.host);
  const url = new URL(req.url ?? '/', `https://${h?.host ?? 'invalid'}`);
  const r = h ? route(h.kind, url.pathname) : null;
  logRequest(sim.log, req.method ?? 'GET', url.href, r?.[0] ?? 'unknown', takeTimes(req.socket));
  // A stopped push host: the connection is reset without any reply (config.pushHostDown).
  if (h?.kind === 'push' && sim.config.pushHostDown) return void req.socket.destroy();
  if (!h || !r) return write(res, notFound());
  const [endpoint, handler] = r;
  const fault = sim.faults.take(endpoint);
  const abort = new AbortController();
  res.on('close', () => abort.abort());
  await sleep(sim.config.latencyMs, abort.signal);
  if (fault === 'reset') return void req.socket.destroy();
  if (fault === 'hang') {
    hung.add(req.socket);
    req.socket.once('close', () => hung.delete(req.socket));
    return;
  }
  if (fault === 'http500')
    return write(
      res,
      reply(500, 'text/html', '<html><body>500 Internal Server Error</body></html>'),
    );
  const body = await readBody(req);
  const ctx: Ctx = {
    req,
    url,
    host: h.host,
    kind: h.kind,
    cookies: parseCookies(req.headers.cookie),
    body,
    json: parseJsonBody(body),
    sim,
    signal: abort.signal,
  };
  const out = await handler(ctx);
  write(res, fault === 'malformed' ? corrupt(out) : fault === 'oversize' ? oversize(out) : out);
}

/** Per TLS connection: when it was opened and secured, and how many requests it carried. */
const connections = new WeakMap<Socket, { openedAt: number; secureAt: number; requests: number }>();
const epochNow = () => performance.timeOrigin + performance.now();

function takeTimes(socket: Socket): ConnectionTimes | undefined {
  const c = connections.get(socket);
  if (!c) return undefined;
  c.requests += 1;
  return { openedAt: c.openedAt, secureAt: c.secureAt, first: c.requests === 1 };
}

/** Connection timings for the request log (ConnectionTimes), keyed by the client's port. */
function timeConnections(server: https.Server): void {
  const opened = new Map<number, number>();
  server.on('connection', (socket: Socket) => {
    const port = socket.remotePort;
    if (port === undefined) return;
    opened.set(port, epochNow());
    socket.once('close', () => opened.delete(port));
  });
  server.on('secureConnection', (socket: Socket) => {
    const secureAt = epochNow();
    const openedAt = (socket.remotePort && opened.get(socket.remotePort)) || secureAt;
    connections.set(socket, { openedAt, secureAt, requests: 0 });
  });
}

export function createWxServer(
  sim: SimState,
  cert: CertPair,
): { server: https.Server; hung: Set<Socket> } {
  const hung = new Set<Socket>();
  const server = https.createServer({ key: cert.key, cert: cert.cert }, (req, res) => {
    handle(sim, req, res, hung).catch((err: unknown) => {
      write(res, reply(500, 'text/plain', String(err)));
    });
  });
  server.keepAliveTimeout = 5_000;
  timeConnections(server);
  return { server, hung };
}
