import { expect, it } from 'vitest';
import { browserJourney, openPage, signInThroughUi } from '../support/browser.js';

const LIVE = { timeout: 15_000 };
const VOLUNTEER = '13800000006'; // 刘志明, the demo volunteer, signed up for coming shifts

browserJourney('the home page invites to the recruiting projects and shows a volunteer their next shifts (browser)', (world) => {
  it('a visitor sees the newest recruiting projects and reaches all of them', async () => {
    const recruiting = await world
      .server()
      .sql<{ title: string }>(`select title from project where status = 'RECRUITING' order by created_at desc, id desc`);
    expect(recruiting.length, 'the demo has recruiting projects').toBeGreaterThan(0);
    const page = await openPage(world.browser(), world.server().url);
    await page.goto('/');
    const cards = page.getByTestId('home-recruiting').getByTestId('project-card-link');
    await expect.poll(() => cards.allTextContents(), LIVE).toEqual(recruiting.slice(0, 3).map((project) => project.title));
    expect(await page.getByTestId('home-my-shifts').count()).toBe(0);

    await page.getByTestId('home-recruiting-all').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('status'), LIVE).toBe('RECRUITING');
    await expect.poll(() => page.getByTestId('project-card').count(), LIVE).toBe(recruiting.length);
  });

  it('a volunteer sees their next shifts, soonest first', async () => {
    const coming = await world.server().sql<{ title: string }>(
      `select a.title from shift_sign_up su join shift s on s.id = su.shift_id join volunteer_activity a on a.id = s.activity_id
         join person p on p.id = su.person_id
        where p.phone = ? and su.status in ('CONFIRMED', 'WAITLISTED', 'CHECKED_IN') and s.ends_at > now() order by s.starts_at`,
      [VOLUNTEER],
    );
    expect(coming.length, 'the demo volunteer has coming shifts').toBeGreaterThan(0);
    const page = await openPage(world.browser(), world.server().url);
    await signInThroughUi(page, VOLUNTEER);
    await page.goto('/');
    const shifts = page.getByTestId('home-my-shifts').getByTestId('my-shift');
    await expect.poll(() => shifts.count(), LIVE).toBe(Math.min(3, coming.length));
    expect(await shifts.first().textContent()).toContain(coming[0]!.title);
  });
});
