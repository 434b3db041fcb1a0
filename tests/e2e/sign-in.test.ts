import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_PATH, hasChromium, launchBrowser, openPage, signInThroughUi } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

if (!hasChromium) {
  // eslint-disable-next-line no-console -- tells the person running the suite why browser tests were skipped
  console.warn(`No Chromium at ${CHROME_PATH}: browser tests skipped. Install one (apt-get install chromium) or set CHROME_PATH.`);
}

describe.skipIf(!hasChromium)('portal sign-in journey', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    const built = fs.existsSync(path.resolve(import.meta.dirname, '../../portal/dist/index.html'));
    expect(built, 'the portal must be built (`pnpm build`) before browser tests').toBe(true);
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs a demo resident in and shows the signed-in layout with their name', async () => {
    const page = await openPage(browser, server.url);
    await page.goto('/');
    await expect.poll(() => page.getByTestId('viewer-name').count()).toBe(0);
    await signInThroughUi(page, '13800000009');
    await expect.poll(() => page.getByTestId('viewer-name').textContent()).toContain('孙大伟');
  });

  it('shows a translated error, not the raw server text, for a wrong password', async () => {
    const page = await openPage(browser, server.url);
    await page.goto('/signin');
    await page.getByTestId('signin-identifier').fill('13800000009');
    await page.getByTestId('signin-password').fill('wrong-password');
    await page.getByTestId('signin-submit').click();
    await expect.poll(() => page.locator('body').textContent()).toMatch(/账号或密码/);
    expect(await page.locator('body').textContent()).not.toContain('The account or password is wrong');
  });
});
