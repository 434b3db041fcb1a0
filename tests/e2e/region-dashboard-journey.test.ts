import { DEMO_FIXTURES } from '@gongzhi/server/src/demo/fixtures.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLClient } from '../support/client.js';
import { CHROME_PATH, hasChromium, launchBrowser, navigateByMenu, openPage, portalBuilt, signInThroughUi } from '../support/browser.js';
import { ACCOUNTS, DAY, demoIds, uuidIn, type DemoIds } from '../support/demands.js';
import { startTestServer, type TestServer } from '../support/server.js';

const FIGURES = ['projects', 'pledges', 'volunteerHours', 'demandsReceived'] as const;
type Shown = Record<(typeof FIGURES)[number], string>;

/** The totals the page shows, as written on it. */
async function shownFigures(page: Page): Promise<Shown> {
  const entries = await Promise.all(
    FIGURES.map(async (key) => [key, (await page.getByTestId(`dashboard-${key}`).getByTestId('dashboard-value').textContent())?.trim()]),
  );
  return Object.fromEntries(entries) as Shown;
}

/** The period the page asks for: the URL's days once chosen, else the picker's default shown next to it. */
async function shownPeriod(page: Page): Promise<{ from: string; to: string }> {
  const query = new URL(page.url()).searchParams;
  if (query.get('from') && query.get('to')) {
    return { from: query.get('from')!, to: query.get('to')! };
  }
  const [from, to] = (await page.getByTestId('metrics-days').textContent())!.split('~').map((day) => day.trim());
  return { from: from!, to: to! };
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
const group = (decimal: string) => decimal.replace(/^(\d+)/, (whole) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, ','));

/** What the API answers for the region and the page's period, written as the page writes it. */
async function expectedFigures(client: GraphQLClient, regionId: string, period: { from: string; to: string }): Promise<Shown> {
  const { regionDashboard } = await client.query(
    `query ($regionId: ID!, $from: DateTime, $to: DateTime) {
      regionDashboard(regionId: $regionId, from: $from, to: $to) { totals { projects pledges volunteerHours demands { received } } } }`,
    { regionId, from: `${period.from}T00:00:00+08:00`, to: `${nextDay(period.to)}T00:00:00+08:00` },
  );
  const totals = regionDashboard.totals;
  return {
    projects: String(totals.projects),
    pledges: String(totals.pledges),
    volunteerHours: group(totals.volunteerHours),
    demandsReceived: String(totals.demands.received),
  };
}

const title = hasChromium
  ? 'a street administrator opens the region dashboard, changes the period and drills down (browser)'
  : `a street administrator opens the region dashboard (browser) — SKIPPED: no Chromium at ${CHROME_PATH}; install it or set CHROME_PATH`;

describe.skipIf(!hasChromium)(title, () => {
  let server: TestServer;
  let browser: Browser;
  let ids: DemoIds;

  beforeAll(async () => {
    expect(portalBuilt, 'the portal must be built (`pnpm build`) before browser tests').toBe(true);
    [server, browser] = await Promise.all([startTestServer({ env: { DEMAND_SWEEP_INTERVAL_MS: '0' } }), launchBrowser()]);
    // The browser's periods are real time: the server agrees.
    server.clock.set(new Date().toISOString());
    ids = await demoIds(server);
    // A demand from 200 days ago: inside the last 12 months, outside the last 30 days, whenever this runs.
    const submitted = new Date(Date.now() - 200 * DAY);
    await server.sql(
      `insert into demand_ticket (id, created_at, updated_at, resident_id, submitted_by_id, channel, grid_id, category, description,
         contact_name, contact_preference, evidence_urls, resolution_evidence_urls, status, response_due_at, resolution_due_at)
       values (gen_random_uuid(), ?, ?, ?, ?, 'ONLINE', ?, 'OTHER', '浏览器测试的点单', '测试', 'PHONE_CALL', '{}', '{}', 'SUBMITTED', ?, ?)`,
      [
        submitted,
        submitted,
        ids.personUuids.resident,
        ids.personUuids.resident,
        uuidIn(ids.grid),
        new Date(submitted.getTime() + DAY),
        new Date(submitted.getTime() + 7 * DAY),
      ],
    );
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the street’s figures of the last 12 months, then of the last 30 days, then a community’s', { timeout: 180_000 }, async () => {
    const api = await server.signedIn(ACCOUNTS.regionAdmin);
    const page = await openPage(browser, server.url);
    await signInThroughUi(page, ACCOUNTS.regionAdmin);
    await navigateByMenu(page, '区域看板');
    await page.waitForURL(/\/dashboard/);
    await expect.poll(() => page.getByTestId('dashboard-region').textContent()).toBe(DEMO_FIXTURES.township);

    // The last 12 months by default: the page shows what the API counts for that period.
    const year = await shownPeriod(page);
    const yearFigures = await expectedFigures(api, ids.township, year);
    await expect.poll(() => shownFigures(page)).toEqual(yearFigures);
    expect(Number(yearFigures.projects)).toBeGreaterThan(0);

    // The last 30 days: fewer demands (at least the one of 200 days ago drops out), and the API agrees.
    await page.getByTestId('metrics-period').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '近 30 天' }).click();
    await page.waitForURL(/from=.*to=/);
    const month = await shownPeriod(page);
    expect(month).not.toEqual(year);
    const monthFigures = await expectedFigures(api, ids.township, month);
    await expect.poll(() => shownFigures(page)).toEqual(monthFigures);
    expect(Number(monthFigures.demandsReceived)).toBeLessThan(Number(yearFigures.demandsReceived));

    // Into the community: its row, then its own dashboard with the street in the breadcrumbs.
    const row = page.locator(`[data-testid="dashboard-child-row"][data-region-id="${ids.community}"]`);
    const rowDemands = (await row.getByTestId('dashboard-child-demands').textContent())?.trim();
    await row.click();
    await expect.poll(() => page.getByTestId('dashboard-region').textContent()).toBe(DEMO_FIXTURES.community);
    expect((await page.getByTestId('dashboard-crumb').allTextContents()).map((text) => text.trim())).toContain(DEMO_FIXTURES.township);
    await expect.poll(async () => (await shownFigures(page)).demandsReceived).toBe(rowDemands);

    // Its demand figures link to the demand metrics page of the same region and period.
    await page.getByTestId('dashboard-demandsReceived').click();
    await page.waitForURL(/\/demands\/metrics\?/);
    const target = new URL(page.url()).searchParams;
    expect([target.get('region'), target.get('from'), target.get('to')]).toEqual([ids.community, month.from, month.to]);
    await expect.poll(() => page.getByTestId('metrics-region').textContent()).toBe(DEMO_FIXTURES.community);
    await expect.poll(() => page.getByTestId('metrics-received').getByTestId('metrics-value').textContent()).toBe(rowDemands);
  });
});
