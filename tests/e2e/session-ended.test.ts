import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { browserJourney, openPage, signInThroughUi } from '../support/browser.js';
import { OPS, succeed } from '../support/partner-api.js';
import type { TestServer } from '../support/server.js';
import { demoPartnerProject } from '../support/volunteer-world.js';

/** Live updates travel server → WebSocket → page on a shared machine: give them time. */
const LIVE = { timeout: 15_000 };

const SECRETARY = '13800000003'; // 王红梅, ADMIN of the demo community Party branch, which leads the demo projects
const ENTERPRISE_MEMBER = '13800000004'; // 张建国, MEMBER of the demo enterprise
const ENTERPRISE_MEMBER_NAME = '张建国';

/** Signs the browser's session out from elsewhere (another tab, another device): the server forgets it. */
async function endSessionElsewhere(server: TestServer, page: Page): Promise<void> {
  const session = (await page.context().cookies()).find((cookie) => cookie.name === 'gz_session');
  expect(session, 'the browser holds a session cookie').toBeDefined();
  const asTheBrowser = (query: string) =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `gz_session=${session!.value}` },
      body: JSON.stringify({ query }),
    }).then((response) => response.json());
  expect(await asTheBrowser('{ viewer { person { name } } }')).toEqual({ data: { viewer: { person: { name: ENTERPRISE_MEMBER_NAME } } } });
  expect(await asTheBrowser('mutation { signOut { userErrors { code } } }')).toEqual({ data: { signOut: { userErrors: [] } } });
  expect(await asTheBrowser('{ viewer { person { name } } }')).toEqual({ data: { viewer: null } });
}

function sessionEndedNotice(page: Page) {
  return page.locator('.session-ended-notice');
}

browserJourney('when the session ends elsewhere, the portal says so and shows itself signed out (browser)', (world) => {
  it('a project page following changes live hears its subscription end and says the session ended', async () => {
    const { projectId } = await demoPartnerProject(world.server());
    const page = await openPage(world.browser(), world.server().url);
    await signInThroughUi(page, ENTERPRISE_MEMBER);
    await expect.poll(() => page.getByTestId('viewer-name').textContent(), LIVE).toContain(ENTERPRISE_MEMBER_NAME);
    await page.goto(`/projects/${encodeURIComponent(projectId)}?tab=timeline`);
    await page.getByTestId('timeline-live').waitFor(LIVE);

    await endSessionElsewhere(world.server(), page);
    // Nothing tells the page yet: the next change to the project ends its subscription.
    expect(await sessionEndedNotice(page).count()).toBe(0);
    const secretary = await world.server().signedIn(SECRETARY);
    await succeed(secretary, OPS.projectUpdate, { id: projectId, input: { summary: '会话结束测试：项目简介已更新。' } });

    await expect.poll(() => sessionEndedNotice(page).textContent(), LIVE).toContain('登录已失效');
    // The project page is public: it stays, shown as to anyone signed out.
    await expect.poll(() => page.getByTestId('viewer-name').count(), LIVE).toBe(0);
    await expect.poll(() => page.getByTestId('header-signin').count(), LIVE).toBe(1);
    expect(new URL(page.url()).pathname).toBe(`/projects/${encodeURIComponent(projectId)}`);
    // Anyone may follow a public project: the page follows it again, now as a visitor.
    await page.getByTestId('timeline-live').waitFor(LIVE);
    await succeed(secretary, OPS.projectUpdate, { id: projectId, input: { summary: '会话结束后：访客也能实时看到动态。' } });
    const arrivedLive = page.locator('.project-timeline-entry--live[data-action="project.updated"]');
    await expect.poll(() => arrivedLive.count(), LIVE).toBe(1);
  });

  it('a private page refused for lack of a session sends the person to sign in, and back after', async () => {
    const page = await openPage(world.browser(), world.server().url);
    await signInThroughUi(page, ENTERPRISE_MEMBER);
    await expect.poll(() => page.getByTestId('viewer-name').textContent(), LIVE).toContain(ENTERPRISE_MEMBER_NAME);
    await page.goto('/me/pledges');
    await page.getByTestId('viewer-name').waitFor(LIVE);

    await endSessionElsewhere(world.server(), page);
    // The portal still shows them signed in; opening another private page asks the server as them.
    await page.getByTestId('user-menu').click();
    await page.getByTestId('user-menu-my-organisations').click();

    await expect.poll(() => sessionEndedNotice(page).count(), LIVE).toBe(1);
    await expect.poll(() => new URL(page.url()).pathname, LIVE).toBe('/signin');
    expect(new URL(page.url()).searchParams.get('redirect')).toBe('/me/organisations');
    await expect.poll(() => page.getByTestId('viewer-name').count(), LIVE).toBe(0);

    await page.getByTestId('signin-identifier').fill(ENTERPRISE_MEMBER);
    await page.getByTestId('signin-password').fill('gongzhi-demo');
    await page.getByTestId('signin-submit').click();
    await expect.poll(() => new URL(page.url()).pathname, LIVE).toBe('/me/organisations');
    await expect.poll(() => page.getByTestId('viewer-name').textContent(), LIVE).toContain(ENTERPRISE_MEMBER_NAME);
  });

  it('signing out through the portal is not news: no session-ended notice', async () => {
    const page = await openPage(world.browser(), world.server().url);
    await signInThroughUi(page, ENTERPRISE_MEMBER);
    await page.goto('/me/organisations');
    await page.getByTestId('viewer-name').waitFor(LIVE);
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await expect.poll(() => page.getByTestId('header-signin').count(), LIVE).toBe(1);
    await expect.poll(() => new URL(page.url()).pathname, LIVE).toBe('/');
    // The home page's own queries have answered as nobody by now: still no notice.
    await page.getByTestId('header-signin').waitFor(LIVE);
    expect(await sessionEndedNotice(page).count()).toBe(0);
  });
});
