import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_PATH, hasChromium, launchBrowser, openPage, portalBuilt, screenshot, signInThroughUi } from '../support/browser.js';
import { succeed } from '../support/partner-api.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { demoPartnerProject, VOPS } from '../support/volunteer-world.js';

/** How long a page may take to show a change (live updates and refetches on a shared machine). */
const LIVE = { timeout: 15_000 };
const HOUR_MS = 3_600_000;

const COORDINATOR = '13800000005'; // 陈晓燕, COORDINATOR of the demo social organisation
const VOLUNTEER = '13800000006'; // 刘志明, the demo volunteer
const VOLUNTEER_NAME = '刘志明';

/**
 * A 3-hour shift three days ahead at 05:00 Beijing time: before the demo's own shifts of the day
 * (from 08:30), so the demo volunteer holds nothing overlapping it.
 */
function shiftTimes(now: Date): { startsAt: string; endsAt: string } {
  const day = new Date(now.getTime() + 8 * HOUR_MS + 3 * 24 * HOUR_MS).toISOString().slice(0, 10);
  const start = new Date(`${day}T05:00:00+08:00`);
  return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3 * HOUR_MS).toISOString() };
}

async function hoursTotal(page: Page): Promise<string> {
  await page.goto('/me/volunteering');
  const total = page.getByTestId('my-hours-total');
  await total.waitFor(LIVE);
  return (await total.textContent())!.trim();
}

function rosterRow(page: Page) {
  return page.locator(`[data-testid="roster-row"][data-person="${VOLUNTEER_NAME}"]`);
}

const title = hasChromium
  ? 'a volunteer signs up, the coordinator checks them in and confirms hours, and the volunteer’s total goes up (browser)'
  : `volunteer journey (browser) — SKIPPED: no Chromium at ${CHROME_PATH}; install it or set CHROME_PATH`;

describe.skipIf(!hasChromium)(title, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    expect(portalBuilt, 'the portal must be built (`pnpm --filter @gongzhi/portal run build`) before browser tests').toBe(true);
    // Sessions outlive the days the clock is moved across.
    [server, browser] = await Promise.all([startTestServer({ env: { SESSION_DAYS: '365' } }), launchBrowser()]);
    server.clock.set(new Date().toISOString());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('moves the sign-up CONFIRMED → CHECKED_IN → COMPLETED across two browsers and credits the hours', { timeout: 180_000 }, async () => {
    // The coordinator organises an activity with one shift for a project of their organisation.
    const coordinatorApi = await server.signedIn(COORDINATOR);
    const { projectId, regionId, organisationId } = await demoPartnerProject(server);
    const activityTitle = `楼道清理志愿服务 ${Date.now().toString(36)}`;
    const created = await succeed(coordinatorApi, VOPS.activityCreate, {
      input: {
        projectId,
        organisationId,
        regionId,
        title: activityTitle,
        description: '清理楼道杂物，入户宣传消防安全。',
        place: '玉湖社区东门',
      },
    });
    const activityId = created.volunteerActivity.id as string;
    const times = shiftTimes(new Date());
    const shift = await succeed(coordinatorApi, VOPS.shiftCreate, {
      input: { activityId, ...times, capacity: 5, requiredSkills: ['消防宣传'] },
    });
    const shiftId = shift.shift.id as string;

    // The volunteer notes their total, then signs up on the activity page: a place, and one place fewer.
    const volunteer = await openPage(browser, server.url);
    await signInThroughUi(volunteer, VOLUNTEER);
    const before = await hoursTotal(volunteer);
    await volunteer.goto(`/volunteering/activities/${activityId}`);
    await expect.poll(() => volunteer.getByTestId('activity-title').textContent(), LIVE).toBe(activityTitle);
    const card = volunteer.getByTestId('shift-card');
    await expect.poll(() => card.getByTestId('shift-remaining').getAttribute('data-remaining'), LIVE).toBe('5');
    await card.getByTestId('shift-signup').click();
    await expect.poll(() => card.getByTestId('shift-my-status').getAttribute('data-status'), LIVE).toBe('CONFIRMED');
    await expect.poll(() => card.getByTestId('shift-remaining').getAttribute('data-remaining'), LIVE).toBe('4');
    await card.getByTestId('shift-cancel').waitFor(LIVE);
    // "我的志愿服务" lists the coming shift.
    await volunteer.goto('/me/volunteering');
    await expect.poll(() => volunteer.getByTestId('my-shift').filter({ hasText: activityTitle }).count(), LIVE).toBe(1);

    // The shift has started: the coordinator checks the volunteer in from the roster and confirms the hours.
    server.clock.set(new Date(Date.parse(times.startsAt) + 10 * 60_000).toISOString());
    const coordinator = await openPage(browser, server.url);
    await signInThroughUi(coordinator, COORDINATOR);
    await coordinator.goto(`/volunteering/shifts/${shiftId}`);
    try {
      await rosterRow(coordinator).getByTestId('roster-checkin').click(LIVE);
    } catch (error) {
      await screenshot(coordinator, 'volunteer-journey-roster');
      throw error;
    }
    await expect.poll(() => rosterRow(coordinator).getAttribute('data-status'), LIVE).toBe('CHECKED_IN');
    await rosterRow(coordinator).getByTestId('attendance-attended').click(LIVE);
    // The hours proposed are the shift's length.
    expect(Number(await rosterRow(coordinator).getByTestId('attendance-hours').inputValue())).toBe(3);
    await rosterRow(coordinator).getByTestId('attendance-submit').click();
    await expect.poll(() => rosterRow(coordinator).getAttribute('data-status'), LIVE).toBe('COMPLETED');

    // The volunteer's total went up by the three hours.
    const after = await hoursTotal(volunteer);
    expect(Number(after) - Number(before)).toBeCloseTo(3, 2);
    const [entry] = await server.sql<{ hours: string }>(
      `select e.hours::text as hours from service_hours_entry e join shift s on s.id = e.shift_id where s.id = ?`,
      [Buffer.from(shiftId, 'base64url').toString('utf8').split(':')[1]],
    );
    expect(entry).toEqual({ hours: '3.00' });
  });
});
