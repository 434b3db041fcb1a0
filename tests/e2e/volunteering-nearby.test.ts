import { expect, it } from 'vitest';
import { browserJourney, openPage, signInThroughUi } from '../support/browser.js';

const LIVE = { timeout: 15_000 };
const COORDINATOR = '13800000005'; // 陈晓燕: lives in a micro-grid of 金兴社区, 玉兴街道
const DEMO_ACTIVITY = '楼道清理与加装电梯入户宣传'; // organised in 玉湖社区, another community of 玉兴街道

browserJourney('the volunteering list starts with the activities of the township the viewer lives in (browser)', (world) => {
  it('a resident of a micro-grid sees the activities of their street, not only of their micro-grid', async () => {
    const page = await openPage(world.browser(), world.server().url);
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
