import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, onTestFinished } from 'vitest';
import { startTestServer, type TestServer } from './server.js';

/** The system Chromium (Debian's `chromium`), or CHROME_PATH. Browser tests skip when there is none. */
export const chromePath = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
  (candidate): candidate is string => !!candidate && fs.existsSync(candidate),
);

/** Where the browser is, or where it was looked for first (for skip messages). */
export const CHROME_PATH = chromePath ?? process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const hasChromium = chromePath !== undefined;

export const NO_BROWSER_MESSAGE = 'No Chromium found: browser tests skipped. Install one (`apt-get install chromium`) or set CHROME_PATH.';

/** The built portal is what the server serves; browser tests need it. */
export const portalBuilt = fs.existsSync(path.resolve(import.meta.dirname, '../../portal/dist/index.html'));

/** Demo accounts' password (server/src/demo/accounts.ts). */
export const DEMO_PASSWORD = 'gongzhi-demo';

/**
 * Console errors that say nothing about the portal. Everything else is a problem: a console error
 * in a real browser is a bug (an uncaught exception, a failed request, a Vue error).
 */
const HARMLESS_CONSOLE_ERRORS: readonly RegExp[] = [
  // Chromium asks for /favicon.ico even though index.html names /favicon.svg.
  /favicon\.ico/,
];

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

/**
 * A page in a fresh browser profile (own cookies: one person), in Chinese and Beijing time as the
 * portal's users have it. It records console errors and uncaught exceptions in `problems`. Call it
 * inside a test: when the test finishes, the profile is closed and the test fails if there were
 * problems (`expectNoProblems` checks earlier, where a test wants to).
 */
export async function openPage(browser: Browser, baseUrl: string): Promise<Page & { problems: string[] }> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = (await context.newPage()) as Page & { problems: string[] };
  page.problems = [];
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && !HARMLESS_CONSOLE_ERRORS.some((pattern) => pattern.test(text))) {
      page.problems.push(`console at ${page.url()}: ${text}`);
    }
  });
  page.on('pageerror', (error) => page.problems.push(`page error at ${page.url()}: ${error.message}`));
  onTestFinished(async () => {
    await context.close();
    expectNoProblems(page);
  });
  return page;
}

/** Signs in through the portal's sign-in page, as a person would, and waits until the header shows them. */
export async function signInThroughPortal(page: Page, identifier: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/signin');
  await page.getByTestId('signin-identifier').fill(identifier);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('viewer-name').waitFor({ timeout: 15_000 });
}

/** The same as signInThroughPortal. */
export const signInThroughUi = signInThroughPortal;

/** Saves a screenshot under tests/.artifacts for a person to look at when a journey fails. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.resolve(import.meta.dirname, '../.artifacts');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

export function expectNoProblems(page: { problems: string[] }): void {
  expect(page.problems, 'the browser reported errors').toEqual([]);
}

/**
 * Opens a page from the header menu as a person would: a direct entry is clicked; an entry inside a
 * section's sub-menu is reached by hovering the section first.
 */
export async function navigateByMenu(page: Page, label: string): Promise<void> {
  const item = page.getByRole('menuitem', { name: label, exact: true }).filter({ visible: true });
  if ((await item.count()) === 0) {
    for (const section of await page.locator('[data-testid^="nav-section-"]').all()) {
      await section.hover();
      // The sub-menu opens after a short hover delay.
      const opened = await item
        .first()
        .waitFor({ state: 'visible', timeout: 2_000 })
        .then(
          () => true,
          () => false,
        );
      if (opened) {
        break;
      }
    }
  }
  await item.first().click();
}

/** The demo server and Chromium of a browser journey (`browserJourney`), once its set-up has run. */
export interface JourneyWorld {
  server(): TestServer;
  browser(): Browser;
}

/**
 * A browser journey's shared set-up: a server with the demo data and a Chromium, started once for the
 * tests `body` declares and stopped after them. Without Chromium the tests are skipped, and the title
 * says why and how to get one.
 */
export function browserJourney(title: string, body: (world: JourneyWorld) => void): void {
  const shown = hasChromium ? title : `${title} — SKIPPED: no Chromium at ${CHROME_PATH}; install it or set CHROME_PATH`;
  describe.skipIf(!hasChromium)(shown, () => {
    let server: TestServer | undefined;
    let browser: Browser | undefined;
    beforeAll(async () => {
      expect(portalBuilt, 'the portal must be built (`pnpm build`) before browser tests').toBe(true);
      [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });
    body({ server: () => server!, browser: () => browser! });
  });
}
