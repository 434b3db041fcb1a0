import { DEMO_FIXTURES } from '@gongzhi/server/src/demo/fixtures.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_PATH, hasChromium, launchBrowser, navigateByMenu, openPage, portalBuilt, signInThroughUi } from '../support/browser.js';
import { ACCOUNTS, demoIds } from '../support/demands.js';
import { startTestServer, type TestServer } from '../support/server.js';

const DESCRIPTION = `3号楼东侧路灯坏了一周，晚上出行不安全（浏览器测试 ${Date.now().toString(36)}）`;

/** The region admin's dashboard figures of their street: received, and the final ratings. */
async function readMetrics(page: Page): Promise<{ received: number; rated: number; satisfied: number }> {
  const received = page.getByTestId('metrics-received').getByTestId('metrics-value');
  const satisfaction = page.getByTestId('metrics-satisfaction');
  await received.waitFor();
  return {
    received: Number(await received.textContent()),
    rated: Number(await satisfaction.getAttribute('data-rated')),
    satisfied: Number(await satisfaction.getAttribute('data-satisfied')),
  };
}

async function statusOf(page: Page): Promise<string | undefined> {
  return (await page.getByTestId('demand-status').textContent())?.trim();
}

const title = hasChromium
  ? 'a resident’s demand goes submit → dispatch → accept → resolve → rate, and the metrics move (browser)'
  : `a resident’s demand goes submit → dispatch → accept → resolve → rate (browser) — SKIPPED: no Chromium at ${CHROME_PATH}; install it or set CHROME_PATH`;

describe.skipIf(!hasChromium)(title, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    expect(portalBuilt, 'the portal must be built (`pnpm build`) before browser tests').toBe(true);
    [server, browser] = await Promise.all([startTestServer({ env: { DEMAND_SWEEP_INTERVAL_MS: '0' } }), launchBrowser()]);
    // The browser's "this year" and deadlines are real time: the server agrees.
    server.clock.set(new Date().toISOString());
    // The roles the journey relies on, made explicit (the enterprise account accepts tickets as COORDINATOR).
    await demoIds(server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows each step live on the resident’s phone-sized page, and the region admin’s figures move', { timeout: 180_000 }, async () => {
    // The region administrator of 玉兴街道 looks at the dashboard first.
    const admin = await openPage(browser, server.url);
    await signInThroughUi(admin, ACCOUNTS.regionAdmin);
    await navigateByMenu(admin, '点单统计');
    await admin.waitForURL(/\/demands\/metrics/);
    await expect.poll(() => admin.getByTestId('metrics-region').textContent()).toBe(DEMO_FIXTURES.township);
    const before = await readMetrics(admin);

    // The resident submits a demand on a phone: category, description (own grid by default), contact.
    const resident = await openPage(browser, server.url);
    await resident.setViewportSize({ width: 375, height: 812 });
    await signInThroughUi(resident, ACCOUNTS.resident);
    await resident.goto('/demands/new');
    await resident.getByTestId('demand-category-ROADS_FACILITIES').click();
    await resident.getByTestId('demand-next').click();
    await expect.poll(() => resident.getByTestId('demand-grid').textContent()).toContain(DEMO_FIXTURES.grid);
    await resident.getByTestId('demand-description').fill(DESCRIPTION);
    await resident.getByTestId('demand-place').fill('3号楼东侧');
    await resident.getByTestId('demand-next').click();
    const submit = resident.getByTestId('demand-submit');
    const box = await submit.boundingBox();
    expect(box, 'the submit button is on screen').not.toBeNull();
    expect(box!.x + box!.width, 'the form fits a 375 px wide screen').toBeLessThanOrEqual(375);
    await submit.click();
    await resident.waitForURL(/\/demands\/[^/?]+\?submitted=1$/);
    await expect.poll(() => statusOf(resident)).toBe('待派单');
    await expect.poll(() => resident.getByTestId('demand-ticket-description').textContent()).toBe(DESCRIPTION);
    const ticketPath = new URL(resident.url()).pathname;
    const ticketId = decodeURIComponent(ticketPath.split('/').at(-1)!);

    // The grid worker finds it in the grid's inbox and dispatches it to the suggested enterprise.
    const worker = await openPage(browser, server.url);
    await signInThroughUi(worker, ACCOUNTS.gridWorker);
    await navigateByMenu(worker, '网格工作台');
    const row = worker.locator(`[data-testid="demand-row"][data-id="${ticketId}"]`);
    await row.locator('a').click();
    await worker.waitForURL(new RegExp(`${ticketPath}$`));
    await worker.getByTestId('dispatch-open').click();
    await worker.getByTestId('dispatch-match').filter({ hasText: DEMO_FIXTURES.enterprise }).first().click();
    await worker.getByTestId('dispatch-note').fill('请物业尽快维修');
    await worker.getByTestId('dispatch-submit').click();
    await expect.poll(() => statusOf(worker)).toBe('待接单');

    // The resident's page follows without a reload.
    await expect.poll(() => statusOf(resident), { timeout: 15_000 }).toBe('待接单');

    // The enterprise accepts it from its queue and resolves it.
    const staff = await openPage(browser, server.url);
    await signInThroughUi(staff, ACCOUNTS.enterprise);
    await navigateByMenu(staff, '待办工单');
    await staff.locator(`[data-testid="demand-row"][data-id="${ticketId}"] a`).click();
    await staff.getByTestId('demand-accept').click();
    await expect.poll(() => statusOf(staff)).toBe('办理中');
    await staff.getByTestId('demand-resolve-note').fill('已更换路灯灯泡并检查线路');
    await staff.getByTestId('demand-resolve-submit').click();
    await expect.poll(() => statusOf(staff)).toBe('待评价');

    // The resident sees the resolution live, and rates it satisfied.
    await expect.poll(() => statusOf(resident), { timeout: 15_000 }).toBe('待评价');
    await expect.poll(() => resident.getByTestId('demand-resolution').textContent()).toContain('已更换路灯灯泡');
    await resident.getByTestId('demand-rate-SATISFIED').click();
    await resident.getByTestId('demand-rate-comment').fill('修得很及时，谢谢');
    await resident.getByTestId('demand-rate-submit').click();
    await expect.poll(() => statusOf(resident)).toBe('已评价');
    const events = await resident.getByTestId('demand-event').all();
    const timeline = await Promise.all(events.map((event) => event.getAttribute('data-action')));
    expect(timeline).toEqual(['RATED', 'RESOLVED', 'ACCEPTED', 'DISPATCHED', 'SUBMITTED']);

    // The dashboard of the street counts one more received ticket, rated satisfied.
    await admin.reload();
    await expect
      .poll(() => readMetrics(admin))
      .toEqual({
        received: before.received + 1,
        rated: before.rated + 1,
        satisfied: before.satisfied + 1,
      });
  });
});
