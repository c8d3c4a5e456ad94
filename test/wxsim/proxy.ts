/**
 * HTTP CONNECT proxy: tunnels any `host:443` to the simulator's HTTPS server so clients keep the
 * real host names (TLS SNI, cookie domains). Other ports and plain-HTTP proxying get 403.
 */
import http from 'node:http';
import net from 'node:net';

export function createProxy(httpsPort: () => number): {
  server: http.Server;
  sockets: Set<net.Socket>;
} {
  const sockets = new Set<net.Socket>();
  const track = (s: net.Socket): void => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  };
  const server = http.createServer((_req, res) => {
    res.writeHead(403, { 'Content-Type': 'text/plain' });
    res.end('wxsim proxy: only CONNECT host:443 is allowed\n');
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    track(client);
    const m = /^([^:]+|\[[^\]]+\]):(\d+)$/.exec(req.url ?? '');
    if (!m || m[2] !== '443') {
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    const upstream = net.connect(httpsPort(), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(upstream);
    // A reset on one side must reach the other side as a hard close (fault 'reset').
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  return { server, sockets };
}
