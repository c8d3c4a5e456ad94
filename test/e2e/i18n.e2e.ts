import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type LoadedExtension } from './harness/browsers';
import { signIn } from './harness/flow';
import { PopupPage } from './harness/popup-page';
import { useSimulator } from './harness/simulator';

/** Every visible string from _locales; WeChat's `lang` follows the UI language. */
describe('chromium in Simplified Chinese', () => {
  const ctx = useSimulator({ loginHoldMs: 1_500, syncHoldMs: 1_500 }, { resetEachTest: false });
  let ext: LoadedExtension;

  beforeAll(async () => {
    ext = await launchChromium(ctx.sim, undefined, { lang: 'zh-CN' });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('shows the popup in Chinese and asks WeChat for zh_CN', async () => {
    const popup = await PopupPage.open(ext);
    await popup.waitForState('qr');
    expect(await popup.text('.prompt')).toBe('请使用手机微信扫码登录');
    await popup.screenshot('17-qr-zh');
    const jslogin = (ctx.sim.state().lastRequests as { endpoint: string; url: string }[]).find(
      (r) => r.endpoint === 'jslogin',
    );
    expect(new URL(jslogin?.url ?? 'https://x/').searchParams.get('lang')).toBe('zh_CN');

    await signIn(ctx.sim, popup);
    expect(await popup.text('.tab[data-tab="chats"]')).toContain('最近聊天');
    await popup.screenshot('18-dashboard-zh');
  });
});
