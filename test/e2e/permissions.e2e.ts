import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type LoadedExtension } from './harness/browsers';
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
});
