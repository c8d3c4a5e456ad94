/**
 * Self-signed certificate for every WeChat host the simulator answers (docs/protocol.md §6 host table).
 * Made with the system `openssl` at start-up into a temp dir, so nothing secret is checked in.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface CertPair {
  key: string;
  cert: string;
}

const SAN = [
  '*.qq.com',
  'qq.com',
  '*.wx.qq.com',
  '*.wx2.qq.com',
  '*.wx8.qq.com',
  '*.weixin.qq.com',
  '*.wechat.com',
  '*.web.wechat.com',
  '*.web2.wechat.com',
  'wechat.com',
]
  .map((d) => `DNS:${d}`)
  .join(',');

export function makeCertificate(): CertPair {
  const dir = mkdtempSync(path.join(tmpdir(), 'wxsim-cert-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=wxsim',
        '-addext',
        `subjectAltName=${SAN}`,
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
