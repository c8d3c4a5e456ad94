import { describe, expect, it } from 'vitest';
import { hostsFor, isMainHost, MAIN_HOSTS, WECHAT_HOSTS } from './hosts';

describe('hostsFor (docs/protocol.md §6 OFFICIAL table)', () => {
  it.each([
    ['wx2.qq.com', 'login.wx2.qq.com', 'file.wx2.qq.com', 'webpush.wx2.qq.com'],
    ['wx8.qq.com', 'login.wx8.qq.com', 'file.wx8.qq.com', 'webpush.wx8.qq.com'],
    ['wx.qq.com', 'login.wx.qq.com', 'file.wx.qq.com', 'webpush.wx.qq.com'],
    ['web2.wechat.com', 'login.web2.wechat.com', 'file.web2.wechat.com', 'webpush.web2.wechat.com'],
    ['web.wechat.com', 'login.web.wechat.com', 'file.web.wechat.com', 'webpush.web.wechat.com'],
    ['example.org', 'login.weixin.qq.com', 'file.wx.qq.com', 'webpush.weixin.qq.com'],
  ])('%s -> login %s, file %s, push %s', (host, login, file, push) => {
    expect(hostsFor(host)).toEqual({ main: host, login, file, push });
  });

  it('uses substring tests, first match wins', () => {
    // 'szwx2.qq.com' contains 'wx2.qq.com' -> the wx2 row, not the generic qq.com row.
    expect(hostsFor('szwx2.qq.com').push).toBe('webpush.wx2.qq.com');
    // any other qq.com host falls into the qq.com row
    expect(hostsFor('wx.qq.com:443').login).toBe('login.wx.qq.com');
    expect(hostsFor('weixin.qq.com').file).toBe('file.wx.qq.com');
    // any other wechat.com host falls into the wechat.com row
    expect(hostsFor('web1.wechat.com').push).toBe('webpush.web.wechat.com');
    // the main host is always the redirect host itself
    expect(hostsFor('web1.wechat.com').main).toBe('web1.wechat.com');
  });
});

describe('WECHAT_HOSTS', () => {
  it('lists main/login/file/push of every home host plus the weixin.qq.com hosts, once each', () => {
    for (const main of MAIN_HOSTS) {
      const hosts = hostsFor(main);
      expect(WECHAT_HOSTS).toEqual(
        expect.arrayContaining([hosts.main, hosts.login, hosts.file, hosts.push]),
      );
    }
    expect(WECHAT_HOSTS).toContain('login.weixin.qq.com');
    expect(WECHAT_HOSTS).toContain('webpush.weixin.qq.com');
    expect(new Set(WECHAT_HOSTS).size).toBe(WECHAT_HOSTS.length);
    expect(WECHAT_HOSTS).toHaveLength(22);
  });

  it('isMainHost accepts only the five home hosts', () => {
    expect(MAIN_HOSTS.every(isMainHost)).toBe(true);
    expect(isMainHost('webpush.wx.qq.com')).toBe(false);
    expect(isMainHost('wx.qq.com.evil.example')).toBe(false);
  });
});
