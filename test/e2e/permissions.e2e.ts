import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../wxsim/index';
import { launchFirefox, type LoadedExtension } from './harness/browsers';
import { PopupPage } from './harness/popup-page';

/**
 * Firefox MV3 lets the user withhold host permissions (browser-testing.md): the popup must say
 * so and offer to ask, from a click, instead of failing with a network error.
 */
describe('firefox: host permissions withheld', () => {
  let sim: Simulator;
  let ext: LoadedExtension;

  beforeAll(async () => {
    sim = await startSimulator({ loginHoldMs: 1_500 });
    ext = await launchFirefox(sim, { grantHostPermissions: false });
  });
  afterAll(async () => {
    await ext?.close();
    await sim?.stop();
  });

  it('the popup explains and offers to ask for access to WeChat', async () => {
    const popup = await PopupPage.open(ext);
    await popup.waitForState('permission');
    expect(await popup.text('.popup')).toContain('allow this extension to talk to WeChat');
    expect(await popup.text('.popup button.primary')).toBe('Allow access to WeChat');
    await popup.screenshot('15-permission');
  });
});
