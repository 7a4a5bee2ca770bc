// Every main screen at phone and desktop width, light and dark: a screenshot for review and an
// axe-core check that finds no serious or critical violation.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newPerson } from './support/accounts.ts';
import { AuthPage, ChatPage, SettingsPage, TasksPage } from './support/app.ts';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser, openPage, type TestPage, type ViewportName } from './support/browser.ts';
import { saveScreenshot } from './support/screenshots.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
// Signed in once and reused: sign-in is rate limited, and a realistic account takes a moment.
let signedIn: Awaited<ReturnType<BrowserContext['storageState']>>;

beforeAll(async () => {
  browser = await launchBrowser();
  const setup = await openPage(browser);
  await new AuthPage(setup.page, baseUrl).signUp(newPerson('Zainab'));
  const tasks = new TasksPage(setup.page);
  for (const line of [
    'Buy milk tomorrow at 6pm #home high priority',
    'Pay the fine yesterday at 9am #admin',
    'Submit the quarterly report today at 11pm #work medium priority',
    'Water the plants every Monday',
  ]) {
    await tasks.quickAdd(line);
  }
  await tasks.toggle('Water the plants');
  const chat = new ChatPage(setup.page);
  await chat.send('Buy eggs tomorrow at 9am #errands');
  await chat.send('کل صبح 9 بجے ڈاکٹر کے پاس جانا شامل کرو');
  const settings = new SettingsPage(setup.page, baseUrl);
  await settings.goto();
  await settings.createToken('Claude Desktop');
  signedIn = await setup.context.storageState();
  await setup.context.close();
});

afterAll(async () => {
  await browser?.close();
});

async function check(session: TestPage, name: string): Promise<void> {
  // Nothing may stick out sideways, down to a 360 px phone.
  const overflow = await session.page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
  await saveScreenshot(session.page, name);
  expect(await seriousViolations(session.page)).toEqual([]);
  expect(session.consoleErrors()).toEqual([]);
}

const combinations = (['light', 'dark'] as const).flatMap((theme) =>
  (['phone', 'desktop'] as ViewportName[]).map((viewport) => ({ theme, viewport })),
);

describe.each(combinations)('$viewport, $theme', ({ theme, viewport }) => {
  let session: TestPage;

  beforeAll(async () => {
    session = await openPage(browser, { viewport, colorScheme: theme, storageState: signedIn });
  });

  afterAll(async () => {
    await session.context.close();
  });

  it('sign-in', async () => {
    const visitor = await openPage(browser, { viewport, colorScheme: theme });
    try {
      await visitor.page.goto(`${baseUrl}/sign-in`);
      await visitor.page.getByTestId('auth-submit').waitFor();
      await check(visitor, `sign-in-${viewport}-${theme}`);
    } finally {
      await visitor.context.close();
    }
  });

  it('task list', async () => {
    await session.page.goto(`${baseUrl}/`);
    await session.page.getByTestId('task-list').waitFor();
    await check(session, `tasks-${viewport}-${theme}`);
  });

  it('chat', async () => {
    await new ChatPage(session.page).open();
    await session.page.getByTestId('chat-messages').waitFor();
    await check(session, `chat-${viewport}-${theme}`);
  });

  it('task editor', async () => {
    await session.page.goto(`${baseUrl}/`);
    await new TasksPage(session.page).openEditor('Buy milk');
    await check(session, `editor-${viewport}-${theme}`);
  });

  it('settings', async () => {
    const settings = new SettingsPage(session.page, baseUrl);
    await settings.goto();
    await session.page.getByTestId('token-item').waitFor();
    await check(session, `settings-${viewport}-${theme}`);
  });
});
