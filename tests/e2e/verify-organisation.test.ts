import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { browserJourney, navigateByMenu, openPage, signInThroughPortal } from '../support/browser.js';

const REGION_ADMIN = '13800000002'; // 李玉兴, REGION_ADMIN of 玉兴街道

/** A valid unified social credit code (GB 32100-2015) ending a given 17-character body. */
function creditCode(first17: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((total, char, index) => total + alphabet.indexOf(char) * weights[index]!, 0);
  return first17 + alphabet[(31 - (sum % 31)) % 31];
}

/** Picks `path` (names from the top region down) in the lazy region cascader labelled by `testId`. */
async function pickRegion(page: Page, testId: string, path: string[]): Promise<void> {
  await page.getByTestId(testId).click();
  const dropdown = page.locator('.el-cascader__dropdown:visible');
  for (const [index, name] of path.entries()) {
    const node = dropdown.locator('.el-cascader-menu').nth(index).locator('.el-cascader-node', { hasText: name });
    if (index < path.length - 1) {
      await node.click(); // opens the next level (loaded on demand)
    } else {
      await node.locator('.el-radio').click(); // chooses this level
    }
  }
  await page.keyboard.press('Escape');
}

/** Chooses an option of an Element Plus select by its test id. */
async function pickOption(page: Page, selectTestId: string, optionTestId: string): Promise<void> {
  await page.getByTestId(selectTestId).click();
  await page.getByTestId(optionTestId).click();
}

browserJourney('a region administrator verifies a newly registered enterprise (browser)', (world) => {
  it(
    'shows the enterprise as 已认证 after the administrator of its township verifies it from the queue',
    { timeout: 120_000 },
    async () => {
      const name = `红塔区玉兴测试科技有限公司${Date.now().toString(36)}`;

      // A new resident registers and registers their enterprise in 玉兴街道.
      const founder = await openPage(world.browser(), world.server().url);
      await founder.goto('/signup');
      await founder.getByTestId('signup-name').fill('周新民');
      await founder.getByTestId('signup-identifier').fill('13912345601');
      await founder.getByTestId('signup-password').fill('a-long-password');
      await founder.getByTestId('signup-submit').click();
      await founder.getByTestId('viewer-name').waitFor();

      await founder.goto('/organisations/new');
      await founder.getByTestId('org-form-name').fill(name);
      await pickOption(founder, 'org-form-kind', 'org-form-kind-ENTERPRISE');
      await pickOption(founder, 'org-form-subtype', 'org-form-subtype-PRIVATE');
      await pickRegion(founder, 'org-form-region', ['云南省', '玉溪市', '红塔区', '玉兴街道']);
      await founder.getByTestId('org-form-credit-code').fill(creditCode('91530402MA6N7Q8T3'));
      await founder.getByTestId('org-create-submit').click();

      await founder.waitForURL(/\/organisations\/[^/]+\?created=1$/);
      await expect.poll(() => founder.getByTestId('org-name').textContent()).toBe(name);
      await expect.poll(() => founder.getByTestId('verification-badge').textContent()).toContain('待审核');
      const organisationUrl = founder.url().replace(/\?.*$/, '');

      // The administrator of 玉兴街道 signs in and finds it in their verification queue.
      const admin = await openPage(world.browser(), world.server().url);
      await signInThroughPortal(admin, REGION_ADMIN);
      await navigateByMenu(admin, '组织审核');
      await admin.waitForURL(/\/admin\/verification/);
      const row = admin.getByTestId('verification-row').filter({ hasText: name });
      await row.waitFor();

      await row.getByTestId('org-verify').click();
      await admin.getByTestId('verification-confirm').click();
      // The queue refreshes: the enterprise has left it.
      await row.waitFor({ state: 'detached' });

      // Both the administrator and the founder now see the badge 已认证.
      await admin.goto(organisationUrl);
      await expect.poll(() => admin.getByTestId('verification-badge').textContent()).toContain('已认证');
      await founder.reload();
      await expect.poll(() => founder.getByTestId('verification-badge').textContent()).toContain('已认证');

      // And the API agrees (the page is not showing a stale cache).
      const [{ status }] = await world
        .server()
        .sql<{ status: string }>('select verification_status as status from organisation where name = ?', [name]);
      expect(status).toBe('VERIFIED');
    },
  );
});
