// The task list end to end: quick add, filters, search, complete, recurrence, delete and undo,
// the editor, a reload, and a second user who sees none of it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newPerson } from './support/accounts.ts';
import { AuthPage, TasksPage } from './support/app.ts';
import { launchBrowser, openPage, type TestPage } from './support/browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let session: TestPage;
let tasks: TasksPage;

beforeAll(async () => {
  browser = await launchBrowser();
  session = await openPage(browser);
  tasks = new TasksPage(session.page);
  await new AuthPage(session.page, baseUrl).signUp(newPerson('Ann'));
});

afterAll(async () => {
  await browser?.close();
});

describe('tasks', () => {
  it('sends a first visit to sign in', async () => {
    const visitor = await openPage(browser);
    await visitor.page.goto(`${baseUrl}/`);
    await visitor.page.waitForURL(/\/sign-in/);
    expect(visitor.consoleErrors()).toEqual([]);
    await visitor.context.close();
  });

  it('adds a task from one quick-add line with a date, a tag and a priority', async () => {
    await tasks.quickAdd('Buy milk tomorrow at 6pm #home high priority');
    const milk = tasks.item('Buy milk');
    await expect.poll(() => milk.count()).toBe(1);
    expect(await milk.getByTestId('task-priority').innerText()).toMatch(/High/);
    expect(await milk.getByTestId('task-tag').allInnerTexts()).toEqual(['#home']);
    expect(await milk.getByTestId('task-due').innerText()).toMatch(/Tomorrow, 6:00\sPM/);
    expect(await milk.getAttribute('data-due-state')).toBe('upcoming');
  });

  it('highlights overdue tasks and counts them', async () => {
    await tasks.quickAdd('Pay the fine yesterday at 9am #admin');
    await tasks.quickAdd('Call mom today at 9am');
    await tasks.quickAdd('Plan trip next week low priority #travel');
    await tasks.quickAdd('Take vitamins daily');
    expect(await tasks.item('Pay the fine').getAttribute('data-due-state')).toBe('overdue');
    expect(['today', 'overdue']).toContain(
      await tasks.item('Call mom').getAttribute('data-due-state'),
    );
    expect(await tasks.item('Take vitamins').getByTestId('task-recurrence').innerText()).toMatch(
      /Every day/,
    );
    await expect.poll(() => tasks.counts().innerText()).toMatch(/^5 pending · [12] overdue/);
  });

  it('filters by priority, tag, due date and status, and searches', async () => {
    const all = ['Buy milk', 'Pay the fine', 'Call mom', 'Plan trip', 'Take vitamins'];
    await tasks.filter('priority', 'high');
    await tasks.expectTitles(['Buy milk']);
    await tasks.filter('priority', '');
    await tasks.filter('tag', 'travel');
    await tasks.expectTitles(['Plan trip']);
    await tasks.filter('tag', '');
    await tasks.filter('due', 'today');
    await tasks.expectTitles(['Call mom']);
    await tasks.filter('due', 'overdue');
    await expect.poll(async () => (await tasks.titles()).includes('Pay the fine')).toBe(true);
    expect(await tasks.titles()).not.toContain('Buy milk');
    await tasks.filter('due', 'none');
    await tasks.expectTitles(['Take vitamins']);
    await tasks.clearFilters();
    await tasks.search('trip');
    await tasks.expectTitles(['Plan trip']);
    expect(session.page.url()).toContain('q=trip');
    await tasks.clearFilters();
    await tasks.expectTitles(all);
    await tasks.showStatus('completed');
    await tasks.expectTitles([]);
    await tasks.showStatus('all');
    await tasks.expectTitles(all);
  });

  it('sorts by title, priority or due date, either way round', async () => {
    const sortBy = (value: string) => session.page.getByTestId('sort').selectOption(value);
    const inOrder = (expected: string[]) => expect.poll(() => tasks.titles()).toEqual(expected);
    await sortBy('title');
    await inOrder(['Buy milk', 'Call mom', 'Pay the fine', 'Plan trip', 'Take vitamins']);
    await session.page.getByTestId('sort-order').click();
    await inOrder(['Take vitamins', 'Plan trip', 'Pay the fine', 'Call mom', 'Buy milk']);
    await sortBy('priority');
    await expect
      .poll(async () => (await tasks.titles()).slice(0, 2))
      .toEqual(['Buy milk', 'Plan trip']);
    await sortBy('due');
    // Soonest first; tasks without a due date come last.
    await expect.poll(async () => (await tasks.titles()).at(0)).toBe('Pay the fine');
    expect((await tasks.titles()).at(-1)).toBe('Take vitamins');
    expect(session.page.url()).toContain('sort=due');
    await sortBy('created');
  });

  it('completes a task, and a daily task rolls over to its next occurrence', async () => {
    await tasks.toggle('Buy milk');
    await expect.poll(() => tasks.item('Buy milk').getAttribute('data-completed')).toBe('true');
    await tasks.toggle('Take vitamins');
    await expect.poll(() => tasks.item('Take vitamins').count()).toBe(2);
    const next = tasks.item('Take vitamins').and(session.page.locator('[data-completed="false"]'));
    expect(await next.getByTestId('task-recurrence').innerText()).toMatch(/Every day/);
    expect(await next.getByTestId('task-due').innerText()).toMatch(/Tomorrow/);
    await tasks.showStatus('completed');
    await tasks.expectTitles(['Buy milk', 'Take vitamins']);
    await tasks.showStatus('pending');
    await tasks.expectTitles(['Pay the fine', 'Call mom', 'Plan trip', 'Take vitamins']);
    await tasks.showStatus('all');
  });

  it('deletes a task and brings it back with undo', async () => {
    await tasks.delete('Plan trip');
    await expect.poll(() => tasks.item('Plan trip').count()).toBe(0);
    await tasks.undo();
    await expect.poll(() => tasks.item('Plan trip').count()).toBe(1);
    expect(await tasks.item('Plan trip').getByTestId('task-tag').allInnerTexts()).toEqual([
      '#travel',
    ]);
  });

  it('edits a task in the detail editor, by keyboard', async () => {
    const editor = await tasks.openEditor('Call mom');
    await editor.getByTestId('editor-title').fill('Call mom and dad');
    await editor.getByTestId('editor-priority').selectOption('medium');
    await editor.getByTestId('editor-tags').fill('#family, calls');
    await editor.getByTestId('editor-repeat').selectOption('weekly');
    await editor.getByText('Mon', { exact: true }).click();
    await editor.getByTestId('editor-reminder').selectOption('10m');
    await editor.getByTestId('editor-save').click();
    const call = tasks.item('Call mom and dad');
    await expect.poll(() => call.count()).toBe(1);
    expect(await call.getByTestId('task-priority').innerText()).toMatch(/Medium/);
    expect(await call.getByTestId('task-tag').allInnerTexts()).toEqual(['#family', '#calls']);
    expect(await call.getByTestId('task-recurrence').innerText()).toMatch(/Every Mon/);

    // Escape closes the editor without saving.
    await tasks.openEditor('Call mom and dad');
    await editor.getByTestId('editor-title').fill('Not saved');
    await session.page.keyboard.press('Escape');
    await expect.poll(() => editor.isVisible()).toBe(false);
    expect(await tasks.item('Call mom and dad').count()).toBe(1);
  });

  it('rolls a change the server refuses back, with a message', async () => {
    const refused = '**/api/me/tasks/*/complete';
    await session.page.route(refused, (route) =>
      route.fulfill({
        status: 503,
        json: { error: { code: 'service_unavailable', message: 'The database is unavailable.' } },
      }),
    );
    session.allowConsoleError(/status of 503/);
    await tasks.toggle('Plan trip');
    const error = session.page.getByTestId('toast-error');
    await expect
      .poll(() => error.innerText())
      .toMatch(/Could not update “Plan trip”: The database/);
    expect(await tasks.item('Plan trip').getByTestId('task-toggle').isChecked()).toBe(false);
    await session.page.unroute(refused);
  });

  it('moves through the list with the arrow keys and opens a task with Enter', async () => {
    const page = session.page;
    const titles = page.getByTestId('task-title');
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    await titles.first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(await titles.nth(1).innerText());
    await page.keyboard.press('End');
    expect(await focused()).toBe(await titles.last().innerText());
    await page.keyboard.press('Home');
    const first = await titles.first().innerText();
    expect(await focused()).toBe(first);
    await page.keyboard.press('Enter');
    const title = page.getByTestId('editor-title');
    await title.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'editor-title',
    );
    expect(await title.inputValue()).toBe(first);
    await page.keyboard.press('Escape');
    await expect.poll(() => title.count()).toBe(0);
  });

  it('keeps everything after a reload', async () => {
    const before = (await tasks.titles()).sort();
    await session.page.reload();
    await tasks.expectTitles(before);
    expect(await tasks.item('Buy milk').getAttribute('data-completed')).toBe('true');
  });

  it('shows a second user none of it', async () => {
    const other = await openPage(browser);
    await new AuthPage(other.page, baseUrl).signUp(newPerson('Bilal'));
    const theirs = new TasksPage(other.page);
    await other.page.getByTestId('task-list-empty').waitFor();
    expect(await theirs.titles()).toEqual([]);
    await expect.poll(() => theirs.counts().innerText()).toBe('0 pending · 0 done');
    expect(other.consoleErrors()).toEqual([]);
    await other.context.close();
  });

  it('reminds about a due task with a notification the user turned on', async () => {
    const reminded = await openPage(browser);
    // A stand-in for the browser's Notification, so the test can see what would pop up.
    await reminded.context.addInitScript(() => {
      const shown: string[] = [];
      class FakeNotification {
        static permission: NotificationPermission = 'default';
        static async requestPermission() {
          FakeNotification.permission = 'granted';
          return FakeNotification.permission;
        }
        constructor(title: string) {
          shown.push(title);
        }
      }
      Object.assign(window, { Notification: FakeNotification, shownNotifications: shown });
    });
    await new AuthPage(reminded.page, baseUrl).signUp(newPerson('Dua'));
    await reminded.page.evaluate(async () => {
      const due = new Date(Date.now() + 4000).toISOString();
      await fetch('/api/me/tasks', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Stretch', due_at: due }),
      });
    });
    await reminded.page.reload();
    await reminded.page
      .getByTestId('reminder-banner')
      .getByRole('button', { name: 'Turn on' })
      .click();
    await expect
      .poll(() => reminded.page.getByTestId('toast').allInnerTexts(), { timeout: 15_000 })
      .toContainEqual(expect.stringMatching(/^Reminder: Stretch/));
    expect(
      await reminded.page.evaluate(
        () => (window as unknown as { shownNotifications: string[] }).shownNotifications,
      ),
    ).toEqual(['Stretch']);
    expect(await reminded.page.getByTestId('reminder-toggle').getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(reminded.consoleErrors()).toEqual([]);
    await reminded.context.close();
  });

  it('logged no console errors', () => {
    expect(session.consoleErrors()).toEqual([]);
  });
});
