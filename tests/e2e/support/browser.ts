// Debian's Chromium through playwright-core, and pages that record every console error.
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';

export const viewports = {
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 800 },
} as const;
export type ViewportName = keyof typeof viewports;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions, minus those the test said to expect. */
  consoleErrors: () => string[];
  /** Declares an error message the test provokes on purpose (a refused password, say). */
  allowConsoleError: (pattern: RegExp) => void;
}

export interface PageOptions {
  viewport?: ViewportName;
  colorScheme?: 'light' | 'dark';
  timezoneId?: string;
  /** Cookies and storage to start with, e.g. an earlier context's signed-in session. */
  storageState?: BrowserContextOptions['storageState'];
}

export async function openPage(browser: Browser, options: PageOptions = {}): Promise<TestPage> {
  const context = await browser.newContext({
    viewport: viewports[options.viewport ?? 'desktop'],
    colorScheme: options.colorScheme ?? 'light',
    timezoneId: options.timezoneId ?? 'Asia/Karachi',
    locale: 'en-US',
    reducedMotion: 'reduce',
    storageState: options.storageState,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const allowed: RegExp[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url;
    errors.push(`${message.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (error) => errors.push(`Uncaught: ${error.message}`));
  return {
    context,
    page,
    consoleErrors: () => errors.filter((error) => !allowed.some((pattern) => pattern.test(error))),
    allowConsoleError: (pattern) => allowed.push(pattern),
  };
}
