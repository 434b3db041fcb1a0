import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FIXTURES } from '@gongzhi/server/src/demo/fixtures.js';
import {
  CHROME_PATH,
  hasChromium,
  launchBrowser,
  navigateByMenu,
  openPage,
  portalBuilt,
  screenshot,
  signInThroughUi,
} from '../support/browser.js';
import { OPS, succeed } from '../support/partner-api.js';
import { globalId, uuidOfId } from '../support/partner-world.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { demoPartnerProject, insertVolunteers, VOPS } from '../support/volunteer-world.js';

/** How long a page may take to show a change (refetches on a shared machine). */
const LIVE = { timeout: 15_000 };
const HOUR_MS = 3_600_000;

const COORDINATOR = '13800000005'; // 陈晓燕, COORDINATOR of the demo social organisation
const SECRETARY = '13800000003'; // 王红梅, ADMIN of the demo community Party branch
const PLATFORM_ADMIN = '13800000001'; // the demo platform administrator

/** A 3-hour shift four days ahead at 05:00 Beijing time, clear of the demo's own shifts (from 08:30). */
function shiftTimes(now: Date): { startsAt: string; endsAt: string } {
  const day = new Date(now.getTime() + 8 * HOUR_MS + 4 * 24 * HOUR_MS).toISOString().slice(0, 10);
  const start = new Date(`${day}T05:00:00+08:00`);
  return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3 * HOUR_MS).toISOString() };
}

/** The text input of an Element Plus field, wherever the component put the test id (root or input). */
function textInput(page: Page, testId: string): Locator {
  return page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).filter({ visible: true });
}

/** The message Element Plus shows under a form item, for the item holding the field with `testId`. */
function fieldError(page: Page, testId: string): Locator {
  return page
    .locator('.el-form-item')
    .filter({ has: page.locator(`[data-testid="${testId}"]`) })
    .filter({ visible: true })
    .locator('.el-form-item__error');
}

const title = hasChromium
  ? 'organisers and a Party branch edit what they published: shift places, activity title, commitment, points rate (browser)'
  : `edit journey (browser) — SKIPPED: no Chromium at ${CHROME_PATH}; install it or set CHROME_PATH`;

describe.skipIf(!hasChromium)(title, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    expect(portalBuilt, 'the portal must be built (`pnpm --filter @gongzhi/portal run build`) before browser tests').toBe(true);
    [server, browser] = await Promise.all([startTestServer({ env: { SESSION_DAYS: '365' } }), launchBrowser()]);
    server.clock.set(new Date().toISOString());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'the organiser changes a shift’s places (refused below the places taken, on the field), the activity’s title and the need its hours count towards; all stay after a reload',
    { timeout: 180_000 },
    async () => {
      // An activity of the demo social organisation with one 3-place shift, two of them taken.
      const coordinatorApi = await server.signedIn(COORDINATOR);
      const { projectId, regionId, organisationId } = await demoPartnerProject(server);
      const created = await succeed(coordinatorApi, VOPS.activityCreate, {
        input: {
          projectId,
          organisationId,
          regionId,
          title: `助老送餐志愿服务 ${Date.now().toString(36)}`,
          description: '为社区独居老人送午餐，顺带问候。',
          place: '玉湖社区党群服务中心',
        },
      });
      const activityId = created.volunteerActivity.id as string;
      const shift = await succeed(coordinatorApi, VOPS.shiftCreate, { input: { activityId, ...shiftTimes(new Date()), capacity: 3 } });
      const shiftId = shift.shift.id as string;
      for (const volunteer of await insertVolunteers(server, 2)) {
        await succeed(volunteer.client, VOPS.signUp, { input: { shiftId } });
      }

      const newTitle = `周末助老送餐 ${Date.now().toString(36)}`;
      // The project lead asks for volunteer hours: the activity's hours may count towards them.
      const hoursNeed = `助老服务时长 ${Date.now().toString(36)}`;
      const secretaryApi = await server.signedIn(SECRETARY);
      const need = await succeed(secretaryApi, OPS.needCreate, {
        input: { projectId, kind: 'VOLUNTEER_HOURS', quantity: '200', unit: '小时', description: hoursNeed },
      });

      const page = await openPage(browser, server.url);
      await signInThroughUi(page, COORDINATOR);
      await page.goto(`/volunteering/activities/${activityId}`);
      const card = page.getByTestId('shift-card');
      const remaining = () => card.getByTestId('shift-remaining').getAttribute('data-remaining');
      await expect.poll(remaining, LIVE).toBe('1');

      try {
        // One place, fewer than the two taken: the server refuses, and says so under the places field.
        await card.getByTestId('shift-edit').click();
        await expect.poll(() => page.getByTestId('shift-form-taken').textContent(), LIVE).toContain('2');
        const capacity = textInput(page, 'shift-form-capacity');
        await capacity.fill('1');
        await capacity.blur();
        await page.getByTestId('shift-form-submit').click();
        await expect.poll(() => fieldError(page, 'shift-form-capacity').textContent(), LIVE).toContain('不能少于已占用的名额');

        // Eight places: saved, and the card shows six free at once.
        await capacity.fill('8');
        await capacity.blur();
        await page.getByTestId('shift-form-submit').click();
        await expect.poll(remaining, LIVE).toBe('6');

        // A new title for the activity.
        await page.getByTestId('activity-edit').click();
        const titleInput = textInput(page, 'activity-title-input');
        await titleInput.waitFor(LIVE);
        await titleInput.fill(newTitle);
        await page.getByTestId('activity-edit-submit').click();
        await expect.poll(() => page.getByTestId('activity-title').textContent(), LIVE).toBe(newTitle);

        // Its hours count towards the project's volunteer-hours need from now on.
        expect(await page.getByTestId('activity-need-linked').count()).toBe(0);
        await page.getByTestId('activity-edit').click();
        await page.getByTestId('activity-need').click();
        await page.locator('.el-select-dropdown__item:visible', { hasText: hoursNeed }).click();
        await page.getByTestId('activity-edit-submit').click();
        await expect.poll(() => page.getByTestId('activity-need-linked').textContent(), LIVE).toContain(hoursNeed);

        // The changes come back from the server after a reload.
        await page.reload();
        await expect.poll(() => page.getByTestId('activity-title').textContent(), LIVE).toBe(newTitle);
        await expect.poll(() => page.getByTestId('activity-need-linked').textContent(), LIVE).toContain(hoursNeed);
        await expect.poll(remaining, LIVE).toBe('6');
        expect(await card.getByTestId('shift-remaining').textContent()).toContain('8');
      } catch (error) {
        await screenshot(page, 'edit-journey-activity');
        throw error;
      }
      const [row] = await server.sql<{ capacity: number; title: string; need_id: string }>(
        `select s.capacity, a.title, a.need_id from shift s join volunteer_activity a on a.id = s.activity_id where s.id = ?`,
        [uuidOfId(shiftId)],
      );
      expect(row).toEqual({ capacity: 8, title: newTitle, need_id: uuidOfId(need.need.id as string) });
    },
  );

  it(
    'a Party branch member edits a commitment of the branch from its card; the change stays after a reload',
    { timeout: 120_000 },
    async () => {
      // An open public commitment of the demo branch, due some days ahead.
      const [commitment] = await server.sql<{ id: string; title: string; organisation_id: string }>(
        `select c.id, c.title, c.organisation_id from commitment c join organisation o on o.id = c.organisation_id
        where o.name = ? and c.fulfilled_at is null and c.person_id is null and c.visibility = 'PUBLIC'
          and c.due_on > (now() at time zone 'Asia/Shanghai')::date
        order by c.due_on, c.id limit 1`,
        [DEMO_FIXTURES.partyBranch],
      );
      expect(commitment, 'the demo branch has an open public commitment').toBeDefined();
      const newTitle = `入户征集意见并形成报告 ${Date.now().toString(36)}`;

      const page = await openPage(browser, server.url);
      await signInThroughUi(page, SECRETARY);
      await page.goto(`/commitments?organisationId=${globalId('Organisation', commitment!.organisation_id)}`);
      const cardTitled = (text: string) => page.getByTestId('commitment-card').filter({ hasText: text });
      try {
        await cardTitled(commitment!.title).getByTestId('commitment-edit').click(LIVE);
        const titleInput = textInput(page, 'commitment-form-title');
        await expect.poll(() => titleInput.inputValue(), LIVE).toBe(commitment!.title);
        await titleInput.fill(newTitle);
        await page.getByTestId('commitment-form-submit').filter({ visible: true }).click();
        await expect.poll(() => cardTitled(newTitle).count(), LIVE).toBe(1);

        await page.reload();
        await expect.poll(() => cardTitled(newTitle).count(), LIVE).toBe(1);
        expect(await cardTitled(commitment!.title).count()).toBe(0);
      } catch (error) {
        await screenshot(page, 'edit-journey-commitment');
        throw error;
      }
      const [row] = await server.sql<{ title: string }>('select title from commitment where id = ?', [commitment!.id]);
      expect(row).toEqual({ title: newTitle });
    },
  );

  it(
    'the branch ADMIN sets its points rate from the menu, the platform admin the platform-wide one; a coordinator has no such page',
    { timeout: 120_000 },
    async () => {
      const page = await openPage(browser, server.url);
      await signInThroughUi(page, SECRETARY);
      await navigateByMenu(page, '积分规则');
      const branch = page.getByTestId('points-rule-organisation').filter({ hasText: DEMO_FIXTURES.partyBranch });
      const rate = () => branch.getByTestId('points-rule-current').getAttribute('data-rate');
      try {
        await expect.poll(rate, LIVE).toMatch(/^\d+\.\d{2}$/);
        // Out of range: refused by the server, under the field.
        await branch.getByTestId('points-rule-input').fill('100001');
        await branch.getByTestId('points-rule-submit').click();
        await expect.poll(() => branch.locator('.el-form-item__error').textContent(), LIVE).toContain('100000');

        await branch.getByTestId('points-rule-input').fill('12.5');
        await branch.getByTestId('points-rule-submit').click();
        await expect.poll(rate, LIVE).toBe('12.50');
        await page.reload();
        await expect.poll(rate, LIVE).toBe('12.50');
      } catch (error) {
        await screenshot(page, 'edit-journey-points');
        throw error;
      }

      // The platform admin sees the platform-wide rate in force and changes it.
      const admin = await openPage(browser, server.url);
      await signInThroughUi(admin, PLATFORM_ADMIN);
      await navigateByMenu(admin, '积分规则');
      const platform = admin.getByTestId('points-rule-platform');
      const platformRate = () => platform.getByTestId('points-rule-current').getAttribute('data-rate');
      try {
        await expect.poll(platformRate, LIVE).toMatch(/^\d+\.\d{2}$/);
        await platform.getByTestId('points-rule-input').fill('11');
        await platform.getByTestId('points-rule-submit').click();
        await expect.poll(platformRate, LIVE).toBe('11.00');
      } catch (error) {
        await screenshot(admin, 'edit-journey-platform-points');
        throw error;
      }

      // Coordinating is not enough: the page sends a coordinator home.
      const coordinator = await openPage(browser, server.url);
      await signInThroughUi(coordinator, COORDINATOR);
      await coordinator.goto('/volunteering/points');
      await expect.poll(() => new URL(coordinator.url()).pathname, LIVE).toBe('/');
    },
  );
});
