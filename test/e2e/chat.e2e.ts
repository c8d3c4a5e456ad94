import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAccount } from '../wxsim/accounts';
import { launchOnProfile, type BrowserName, type LoadedExtension } from './harness/browsers';
import { signIn, SYNC_BOUND_MS, until } from './harness/flow';
import { badgeText, OPTIONS_PATH, PopupPage } from './harness/popup-page';
import { useSimulator } from './harness/simulator';

/** Reading and replying from the popup: the kept chats, Code 1, sending, restarts, clearing. */

type SimSession = {
  notified: { code: number; to: string }[];
  sent: { to: string; content: string; localId: string }[];
};

/** How many messages the background keeps in IndexedDB (-1: no database yet). */
function keptCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const request = indexedDB.open('wechat-messages');
        request.onerror = () => resolve(-1);
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('messages')) {
            db.close();
            resolve(-1);
            return;
          }
          const count = db.transaction('messages').objectStore('messages').count();
          count.onsuccess = () => {
            resolve(count.result);
            db.close();
          };
        };
      }),
  );
}

describe.each<BrowserName>(['chromium', 'firefox'])('%s: reading and replying', (name) => {
  const ctx = useSimulator({ loginHoldMs: 1_500, syncHoldMs: 1_500 });
  let ext: LoadedExtension;
  let popup: PopupPage;
  let profile: string;
  const launch = () => launchOnProfile(name, ctx.sim, profile);
  const simSession = () => (ctx.sim.state().sessions as SimSession[]).at(-1);
  /** Opens the chat of the row that shows an unread count, with the keyboard. */
  const openUnreadChat = async () => {
    await popup.page.waitForSelector('.contact .unread', { timeout: SYNC_BOUND_MS });
    const chat = await popup.page.$eval(
      '.contact:has(.unread) .contact-open',
      (el) => el.getAttribute('data-chat') ?? '',
    );
    await popup.page.focus(`.contact-open[data-chat="${chat}"]`);
    await popup.page.keyboard.press('Enter');
    await popup.page.waitForSelector(`.chat[data-chat="${chat}"]`);
    return chat;
  };

  beforeEach(async () => {
    profile = mkdtempSync(join(tmpdir(), `wxext-chat-${name}-`));
    ext = await launch();
    popup = await PopupPage.open(ext);
    await signIn(ctx.sim, popup);
  });
  afterEach(async () => {
    await ext?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('a message raises the badge; opening its chat shows it, clears the badge and sends Code 1', async () => {
    await popup.close();
    const probe = await ext.openPage(OPTIONS_PATH);
    const said = ctx.sim.phone.message(
      'Are you coming <b>tonight</b>? https://example.com/map javascript:alert(1)',
    );
    await until(
      () => badgeText(probe),
      (text) => text === '1',
      SYNC_BOUND_MS,
    );
    popup = await PopupPage.open(ext);
    await popup.waitForState('signedIn');
    const chat = await openUnreadChat();
    await popup.page.waitForSelector('.msg .msg-text');
    // Shown as text: the markup in the message is words, not a <b> element.
    expect(await popup.texts('.msg[data-side="in"] .msg-text')).toEqual([
      'Are you coming <b>tonight</b>? https://example.com/map javascript:alert(1)',
    ]);
    expect(await popup.page.$$('.msg-text b')).toHaveLength(0);
    // Only the http(s) URL is a link.
    expect(await popup.page.$$('.msg-text a')).toHaveLength(1);
    expect(
      await popup.page.$eval('.msg-text a', (a) => [a.getAttribute('href'), a.getAttribute('rel')]),
    ).toEqual(['https://example.com/map', 'noopener noreferrer']);
    await until(
      () => badgeText(probe),
      (text) => text === '',
    );
    await until(
      async () => simSession()?.notified ?? [],
      (notified) => notified.some((n) => n.code === 1 && n.to === chat),
    );
    await popup.screenshot('chat-20-open');

    // New messages appear while the chat is open; a recall marks the message, not removes it.
    ctx.sim.phone.message('Bring snacks');
    await popup.page.waitForFunction(
      () => document.querySelectorAll('.msg[data-side="in"]').length === 2,
      { timeout: SYNC_BOUND_MS },
    );
    ctx.sim.phone.recall(said);
    await popup.page.waitForSelector('.msg[data-recalled="true"] .msg-recalled', {
      timeout: SYNC_BOUND_MS,
    });
    expect(await popup.texts('.msg[data-side="in"]')).toHaveLength(2);
    await popup.screenshot('chat-21-recalled');

    // A link a person shares is in their chat, not in the reading list.
    ctx.sim.phone.link('Worth a read', 'https://example.com/read');
    await popup.page.waitForFunction(
      () =>
        [...document.querySelectorAll('.msg-label a')].some(
          (a) => a.textContent === 'Worth a read',
        ),
      { timeout: SYNC_BOUND_MS },
    );
    await popup.page.keyboard.press('Escape');
    await popup.page.waitForSelector(`.contact-open[data-chat="${chat}"]:focus`);
    await popup.click('.tab[data-tab="articles"]');
    expect(await popup.texts('.feed a.article-title')).not.toContain('Worth a read');
  });

  it('a group message shows its sender by name', async () => {
    const group = ctx.sim.phone.groups()[0] ?? '';
    const member = buildAccount('default').groups.get(group)?.MemberList[0];
    const expected = String(member?.DisplayName || member?.NickName);
    ctx.sim.phone.message('Dinner at eight', group);
    await popup.page.waitForSelector(`.contact-open[data-chat="${group}"]`, {
      timeout: SYNC_BOUND_MS,
    });
    await popup.click(`.contact-open[data-chat="${group}"]`);
    await popup.page.waitForSelector('.msg .msg-sender');
    expect(await popup.texts('.msg-sender')).toEqual([expected]);
    await popup.screenshot('chat-22-group');
  });

  it('a reply sent with Enter reaches WeChat and shows as sent; a 1205 says why and keeps the session', async () => {
    ctx.sim.phone.message('Lunch?');
    const chat = await openUnreadChat();
    await popup.page.waitForSelector('.composer-input:focus');
    await popup.page.keyboard.type('Yes, at noon');
    await popup.page.keyboard.down('Shift');
    await popup.page.keyboard.press('Enter');
    await popup.page.keyboard.up('Shift');
    await popup.page.keyboard.type('see you');
    await popup.page.keyboard.press('Enter');
    await popup.page.waitForSelector('.msg[data-side="out"][data-state="sent"]', {
      timeout: SYNC_BOUND_MS,
    });
    expect(simSession()?.sent.map(({ to, content }) => ({ to, content }))).toEqual([
      { to: chat, content: 'Yes, at noon\nsee you' },
    ]);
    // The server's echo of the sent message (FromUserName = self) does not show it twice.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await popup.page.$$('.msg[data-side="out"]')).toHaveLength(1);
    await popup.screenshot('chat-23-sent');

    ctx.sim.configure({ rateLimit: true });
    await popup.page.type('.composer-input', 'Too fast?');
    await popup.page.keyboard.press('Enter');
    await popup.page.waitForSelector('.msg[data-state="failed"] .msg-failed', {
      timeout: SYNC_BOUND_MS,
    });
    expect(await popup.text('.msg[data-state="failed"] .msg-failed')).toContain('too fast');
    expect(await popup.state()).toBe('signedIn');
    await popup.screenshot('chat-24-1205');
    ctx.sim.configure({ rateLimit: false });
    await popup.click('.msg[data-state="failed"] .msg-failed button');
    await popup.page.waitForFunction(
      () => document.querySelectorAll('.msg[data-side="out"][data-state="sent"]').length === 2,
      { timeout: SYNC_BOUND_MS },
    );
    expect(simSession()?.sent).toHaveLength(2);
  });

  it('the chat survives a browser restart, and "Clear session" removes its messages', async () => {
    ctx.sim.phone.message('Still there after a restart?');
    const chat = await openUnreadChat();
    await popup.page.waitForSelector('.msg .msg-text');
    expect(await keptCount(popup.page)).toBe(1);
    await ext.close();
    ext = await launch();
    popup = await PopupPage.open(ext);
    await popup.waitForState('signedIn');
    await popup.click(`.contact-open[data-chat="${chat}"]`);
    await popup.page.waitForSelector('.msg .msg-text');
    expect(await popup.texts('.msg .msg-text')).toEqual(['Still there after a restart?']);

    const options = await ext.openPage(OPTIONS_PATH);
    await options.waitForSelector('#clear-session');
    await options.$eval('#clear-session', (el) => (el as HTMLElement).click());
    await until(
      () => keptCount(options),
      (count) => count === 0,
    );
  });
});
