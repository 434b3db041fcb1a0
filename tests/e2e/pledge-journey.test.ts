import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FIXTURES } from '@gongzhi/server';
import { CHROME_PATH, hasChromium, launchBrowser, openPage, portalBuilt, screenshot, signInThroughUi } from '../support/browser.js';
import { OPS, succeed } from '../support/partner-api.js';
import { globalId } from '../support/partner-world.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * How long a page may take to show a change: live updates travel server → WebSocket → refetch, and
 * the test machine is shared (expect.poll's default of one second is too short under load).
 */
const LIVE = { timeout: 15_000 };

const SECRETARY = '13800000003'; // 王红梅, ADMIN of the demo community Party branch: coordinates its projects
const ENTERPRISE_MEMBER = '13800000004'; // 张建国, MEMBER of the demo enterprise

/** The demo branch and the region it sits in, by their fixed names. */
async function demoBranch(server: TestServer): Promise<{ id: string; regionId: string }> {
  const [row] = await server.sql<{ id: string; region_id: string }>('select id, region_id from organisation where name = ?', [
    DEMO_FIXTURES.partyBranch,
  ]);
  return { id: globalId('Organisation', row!.id), regionId: globalId('Region', row!.region_id) };
}

/** A RECRUITING project led by the demo branch with one FUNDS need of 10000.00 元, set up through the API. */
async function recruitingProjectWithFundsNeed(server: TestServer, title: string): Promise<{ projectId: string; needId: string }> {
  const secretary = await server.signedIn(SECRETARY);
  const branch = await demoBranch(server);
  const created = await succeed(secretary, OPS.projectCreate, {
    input: {
      leadOrganisationId: branch.id,
      title,
      summary: '为老旧小区加装电梯筹集资金，党支部牵头，物业企业共建。',
      category: 'INFRASTRUCTURE',
      regionIds: [branch.regionId],
      startDate: '2026-12-01',
      endDate: '2027-06-30',
    },
  });
  const projectId = created.project.id as string;
  await succeed(secretary, OPS.projectTransition, { id: projectId, input: { to: 'RECRUITING' } });
  const need = await succeed(secretary, OPS.needCreate, {
    input: { projectId, kind: 'FUNDS', quantity: '10000.00', unit: '元', description: '电梯加装配套资金' },
  });
  return { projectId, needId: need.need.id as string };
}

/** The need's progress bar: the whole percent it shows (ElProgress's aria-valuenow). */
function needProgress(page: Page): Promise<string | null> {
  return page.getByTestId('need-card').getByTestId('need-progress').getAttribute('aria-valuenow');
}

function pledgeStatus(page: Page): Promise<string | null> {
  return page.getByTestId('pledge-row').first().getAttribute('data-status');
}

/** The actions of the timeline entries the page shows, newest first. */
function timelineActions(page: Page): Promise<(string | null)[]> {
  return page.getByTestId('timeline-entry').evaluateAll((entries) => entries.map((entry) => entry.getAttribute('data-action')));
}

const title = hasChromium
  ? 'an enterprise pledges to a need, the coordinator accepts it, a delivery is confirmed and the progress bar moves (browser)'
  : `pledge journey (browser) — SKIPPED: no Chromium at ${CHROME_PATH}; install it or set CHROME_PATH`;

describe.skipIf(!hasChromium)(title, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    expect(portalBuilt, 'the portal must be built (`pnpm --filter @gongzhi/portal run build`) before browser tests').toBe(true);
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    // The browsers' "today" (the delivery day the form proposes) must not lie in the server's future.
    server.clock.set(new Date().toISOString());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'moves the pledge PROPOSED → ACCEPTED → FULFILLED across two browsers, live, with the timeline updating without reload',
    { timeout: 180_000 },
    async () => {
      const projectTitle = `玉湖社区加装电梯 ${Date.now().toString(36)}`;
      const { projectId } = await recruitingProjectWithFundsNeed(server, projectTitle);
      const projectPath = `/projects/${projectId}?tab=needs`;

      // The coordinator opens the project and leaves the page open for the whole journey.
      const coordinator = await openPage(browser, server.url);
      await signInThroughUi(coordinator, SECRETARY);
      await coordinator.goto(projectPath);
      await expect.poll(() => coordinator.getByTestId('project-title').textContent(), LIVE).toBe(projectTitle);
      await expect.poll(() => needProgress(coordinator), LIVE).toBe('0');
      await coordinator.getByTestId('timeline-live').waitFor({ state: 'attached' });
      // Set on this document only: still there at the end means the page was never reloaded.
      await coordinator.evaluate(() => Object.assign(globalThis, { journeyMarker: 'not reloaded' }));

      // The enterprise member pledges 4000.50 元 for their enterprise.
      const enterprise = await openPage(browser, server.url);
      await signInThroughUi(enterprise, ENTERPRISE_MEMBER);
      await enterprise.goto(projectPath);
      await enterprise.getByTestId('pledge-open').click();
      const form = enterprise.getByTestId('pledge-form');
      await form.getByTestId('pledge-organisation').click();
      await enterprise.locator('.el-select-dropdown__item:visible', { hasText: DEMO_FIXTURES.enterprise }).click();
      await form.getByTestId('pledge-quantity').fill('4000.50');
      await form.getByTestId('pledge-submit').click();
      await expect.poll(() => pledgeStatus(enterprise), LIVE).toBe('PROPOSED');
      expect(await enterprise.getByTestId('pledge-row').first().textContent()).toContain('4,000.50 元');

      // The coordinator sees it arrive without reloading and accepts it: the progress bar moves to 40%.
      try {
        await coordinator.getByTestId('pledge-accept').click(LIVE);
      } catch (error) {
        await screenshot(coordinator, 'pledge-journey-coordinator');
        throw error;
      }
      await expect.poll(() => pledgeStatus(coordinator), LIVE).toBe('ACCEPTED');
      await expect.poll(() => needProgress(coordinator), LIVE).toBe('40');
      // … and on the enterprise's open page too, live.
      await expect.poll(() => needProgress(enterprise), LIVE).toBe('40');

      // The enterprise records the delivery of the whole pledge.
      await enterprise.getByTestId('delivery-record').click(LIVE);
      await enterprise.getByTestId('delivery-quantity').fill('4000.50');
      await enterprise.getByTestId('delivery-submit').click();
      await enterprise.getByTestId('delivery-row').waitFor();

      // The coordinator confirms receipt: the pledge is fulfilled and the delivered total shows it.
      await coordinator.getByTestId('delivery-confirm').click(LIVE);
      await expect.poll(() => pledgeStatus(coordinator), LIVE).toBe('FULFILLED');
      await expect.poll(() => coordinator.getByTestId('need-delivered').textContent(), LIVE).toContain('4,000.50 元');
      await expect.poll(() => pledgeStatus(enterprise), LIVE).toBe('FULFILLED');

      // The coordinator's timeline shows every step, newest first, in the page that was never reloaded.
      await coordinator.getByRole('tab', { name: '动态' }).click();
      await expect
        .poll(() => timelineActions(coordinator), LIVE)
        .toEqual([
          'delivery.confirmed',
          'delivery.recorded',
          'pledge.accepted',
          'pledge.created',
          'need.created',
          'project.transitioned',
          'project.created',
        ]);
      const pledgedEntry = coordinator.locator('[data-testid="timeline-entry"][data-action="pledge.created"]');
      expect(await pledgedEntry.textContent()).toContain('张建国');
      expect(await pledgedEntry.textContent()).toContain(DEMO_FIXTURES.enterprise);
      expect(await pledgedEntry.textContent()).toContain('提交了认捐');
      expect(await coordinator.evaluate(() => (globalThis as { journeyMarker?: string }).journeyMarker)).toBe('not reloaded');

      // The ledger agrees.
      const [row] = await server.sql<{ status: string; quantity: string }>(
        'select status, quantity::text as quantity from pledge where need_id in (select id from need where project_id = (select id from project where title = ?))',
        [projectTitle],
      );
      expect(row).toEqual({ status: 'FULFILLED', quantity: '4000.50' });
    },
  );
});
