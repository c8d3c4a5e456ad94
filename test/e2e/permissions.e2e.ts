import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck } from './harness/axe';
import { launchFirefox, type LoadedExtension } from './harness/browsers';
import { SCHEME_BACKGROUND, setThemeSetting } from './harness/look';
import { PopupPage } from './harness/popup-page';
import { useSimulator } from './harness/simulator';

/**
 * Firefox MV3 lets the user withhold host permissions (docs/testing.md): the popup must say
 * so and offer to ask, from a click, instead of failing with a network error.
 */
describe('firefox: host permissions withheld', () => {
  const ctx = useSimulator({ loginHoldMs: 1_500 }, { resetEachTest: false });
  let ext: LoadedExtension;

  beforeAll(async () => {
    ext = await launchFirefox(ctx.sim, { grantHostPermissions: false });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('the popup explains and offers to ask for access to WeChat', async () => {
    const popup = await PopupPage.open(ext);
    await popup.waitForState('permission');
    expect(await popup.text('.popup')).toContain('allow this extension to talk to WeChat');
    expect(await popup.text('.popup button.primary')).toBe('Allow access to WeChat');
    await popup.screenshot('15-permission');
  });

  it('the permission view passes axe in light and dark', async () => {
    const popup = await PopupPage.open(ext);
    await popup.waitForState('permission');
    for (const scheme of ['light', 'dark'] as const) {
      // The options page's theme setting: settings need no host permission.
      await setThemeSetting(popup.page, scheme);
      await popup.page.waitForFunction(
        (background) => getComputedStyle(document.body).backgroundColor === background,
        {},
        SCHEME_BACKGROUND[scheme],
      );
      expect((await axeCheck(popup.page)).violations, scheme).toEqual([]);
      await popup.screenshot(`a11y-en-${scheme}-permission`);
    }
    await setThemeSetting(popup.page, 'system');
  });
});
