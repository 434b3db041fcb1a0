import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** The system Chromium (Debian's `chromium`), or CHROME_PATH. Browser tests skip when there is none. */
export const chromePath = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
  (candidate): candidate is string => !!candidate && fs.existsSync(candidate),
);

export const NO_BROWSER_MESSAGE = 'No Chromium found: browser tests skipped. Install one (`apt-get install chromium`) or set CHROME_PATH.';

/** The built portal is what the server serves; browser tests need it. */
export const portalBuilt = fs.existsSync(path.resolve(import.meta.dirname, '../../portal/dist/index.html'));

export async function launchBrowser(): Promise<Browser> {
  if (!chromePath) {
    throw new Error(NO_BROWSER_MESSAGE);
  }
  return chromium.launch({
    executablePath: chromePath,
    headless: true,
    // As root Chromium needs --no-sandbox; the rest keep it from reaching for the (closed) network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/** A page that records console errors and failed requests, so a test can assert the page ran clean. */
export async function openPage(browser: Browser, baseUrl: string): Promise<Page & { problems: string[] }> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = (await context.newPage()) as Page & { problems: string[] };
  page.problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      page.problems.push(`console: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  return page;
}

/** Signs in through the portal's sign-in page, as a person would. */
export async function signInThroughPortal(page: Page, identifier: string, password = 'gongzhi-demo'): Promise<void> {
  await page.goto('/signin');
  await page.getByTestId('signin-identifier').fill(identifier);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('viewer-name').waitFor({ timeout: 15_000 });
}

/** Saves a screenshot under tests/.artifacts for a person to look at when a journey fails. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.resolve(import.meta.dirname, '../.artifacts');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

export function expectNoProblems(page: { problems: string[] }): void {
  expect(page.problems).toEqual([]);
}
