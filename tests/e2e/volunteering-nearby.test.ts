import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_PATH, hasChromium, launchBrowser, openPage, portalBuilt, signInThroughUi } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

const LIVE = { timeout: 15_000 };
const COORDINATOR = '13800000005'; // 陈晓燕: lives in a micro-grid of 金兴社区, 玉兴街道
const DEMO_ACTIVITY = '楼道清理与加装电梯入户宣传'; // organised in 玉湖社区, another community of 玉兴街道

const title = hasChromium
  ? 'the volunteering list starts with the activities of the township the viewer lives in (browser)'
  : `volunteering near me (browser) — SKIPPED: no Chromium at ${CHROME_PATH}; install it or set CHROME_PATH`;

describe(title, () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    if (!hasChromium) {
      return;
    }
    expect(portalBuilt, 'the portal must be built (`pnpm build`) before browser tests').toBe(true);
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it.skipIf(!hasChromium)('a resident of a micro-grid sees the activities of their street, not only of their micro-grid', async () => {
    const page = await openPage(browser, server.url);
    await signInThroughUi(page, COORDINATOR);
    await page.goto('/volunteering');
    const area = page.getByTestId('activity-region').locator('input');
    await expect.poll(() => area.inputValue(), LIVE).toMatch(/玉兴街道$/);
    const demoActivity = page.getByTestId('activity-item').filter({ hasText: DEMO_ACTIVITY });
    await expect.poll(() => demoActivity.count(), LIVE).toBe(1);

    // Not only the upcoming ones: every activity, the upcoming among them.
    await page.getByTestId('activity-upcoming').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('upcoming'), LIVE).toBe('false');
    await expect.poll(() => demoActivity.count(), LIVE).toBe(1);
  });
});
