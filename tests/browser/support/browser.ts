import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_USERS } from '../../../services/gateway/src/identity/demo-identities';
import type { Role } from '../../../services/gateway/src/auth/roles';

/** Debian's chromium package (scripts/test.sh installs it); a browser is never downloaded. */
export const CHROMIUM = '/usr/bin/chromium';

/** Headless, and quiet: no sandbox (containers), no GPU, and no calls home of any kind. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const ARTIFACTS = join(__dirname, '..', '..', '..', 'test-artifacts', 'browser');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** A fresh context (own storage: signed out, Chinese) with a phone-sized or desktop viewport. */
export async function openPage(browser: Browser, baseURL: string, device: 'phone' | 'desktop' = 'desktop'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    viewport: device === 'phone' ? { width: 390, height: 844 } : { width: 1366, height: 900 },
    isMobile: device === 'phone',
    hasTouch: device === 'phone',
  });
  const page = await context.newPage();
  return { context, page };
}

/** Saves a full-page screenshot under test-artifacts/browser/ (kept by CI as the run's evidence). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Signs in through the login page as the demo user of a role and waits for the landing page. */
export async function signInThroughUi(page: Page, role: Role): Promise<void> {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user has the role ${role}`);
  await page.goto('/login');
  await page.fill('input[name=username]', user.username);
  await page.fill('input[name=password]', user.password);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=signed-in-as]');
}
