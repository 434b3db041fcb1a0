import { expect, it } from 'vitest';
import { browserJourney, CHROME_PATH, hasChromium, openPage, signInThroughUi } from '../support/browser.js';

if (!hasChromium) {
  // eslint-disable-next-line no-console -- tells the person running the suite why browser tests were skipped
  console.warn(`No Chromium at ${CHROME_PATH}: browser tests skipped. Install one (apt-get install chromium) or set CHROME_PATH.`);
}

browserJourney('portal sign-in journey', (world) => {
  it('signs a demo resident in and shows the signed-in layout with their name', async () => {
    const page = await openPage(world.browser(), world.server().url);
    await page.goto('/');
    await expect.poll(() => page.getByTestId('viewer-name').count()).toBe(0);
    await signInThroughUi(page, '13800000009');
    await expect.poll(() => page.getByTestId('viewer-name').textContent()).toContain('孙大伟');
  });

  it('shows a translated error, not the raw server text, for a wrong password', async () => {
    const page = await openPage(world.browser(), world.server().url);
    await page.goto('/signin');
    await page.getByTestId('signin-identifier').fill('13800000009');
    await page.getByTestId('signin-password').fill('wrong-password');
    await page.getByTestId('signin-submit').click();
    await expect.poll(() => page.locator('body').textContent()).toMatch(/账号或密码/);
    expect(await page.locator('body').textContent()).not.toContain('The account or password is wrong');
  });
});
