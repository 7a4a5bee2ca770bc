// Accounts and settings end to end: clear sign-in errors, personal API tokens with a client
// snippet, the theme, and signing out.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newPerson } from './support/accounts.ts';
import { AuthPage, SettingsPage } from './support/app.ts';
import { launchBrowser, openPage, type TestPage } from './support/browser.ts';

const baseUrl = inject('baseUrl');
const person = newPerson('Hina');
let browser: Browser;
let session: TestPage;
let settings: SettingsPage;

beforeAll(async () => {
  browser = await launchBrowser();
  session = await openPage(browser);
  settings = new SettingsPage(session.page, baseUrl);
  await new AuthPage(session.page, baseUrl).signUp(person);
});

afterAll(async () => {
  await browser?.close();
});

describe('settings', () => {
  it('creates a token, shows it once with a client snippet, and revokes it', async () => {
    await settings.goto();
    await session.page.getByTestId('token-empty').waitFor();
    const token = await settings.createToken('Cursor on my laptop');
    expect(token).toMatch(/^todo_/);
    await expect.poll(() => settings.tokens().count()).toBe(1);
    expect(await settings.tokens().first().innerText()).toContain('Cursor on my laptop');
    // The token works as a bearer credential for MCP clients.
    const listTools = () =>
      fetch(`${baseUrl}/mcp`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          'mcp-protocol-version': '2025-06-18',
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
      });
    expect((await listTools()).status).not.toBe(401);

    const cursor = JSON.parse(await settings.snippet().innerText());
    expect(cursor.mcpServers.todo).toEqual({
      url: `${baseUrl}/mcp`,
      headers: { Authorization: `Bearer ${token}` },
    });
    await session.page.getByTestId('mcp-tab-claude').click();
    const claude = JSON.parse(await settings.snippet().innerText());
    expect(claude.mcpServers.todo.args).toContain('mcp-remote');
    expect(claude.mcpServers.todo.env.TODO_AUTH).toBe(`Bearer ${token}`);

    await settings.revoke('Cursor on my laptop');
    await expect.poll(() => settings.tokens().count()).toBe(0);
    // The row goes at once; the server has revoked it when the confirmation shows.
    await session.page.getByTestId('toast').filter({ hasText: 'Revoked' }).waitFor();
    const refused = await listTools();
    expect(refused.status).toBe(401);
  });

  it('says which model provider answers chat', async () => {
    const info = session.page.getByTestId('assistant-info');
    await expect.poll(() => info.innerText()).toMatch(/Built-in offline engine/);
  });

  it('switches to the dark theme and remembers it', async () => {
    await session.page.getByTestId('theme-dark').check();
    const dark = () =>
      session.page.evaluate(() => document.documentElement.classList.contains('dark'));
    expect(await dark()).toBe(true);
    await session.page.reload();
    await settings.goto();
    expect(await dark()).toBe(true);
    await session.page.getByTestId('theme-system').check();
    expect(await dark()).toBe(false);
  });

  it('signs out, and a signed-out visit goes to sign in', async () => {
    await session.page.getByTestId('sign-out').click();
    await session.page.waitForURL(`${baseUrl}/sign-in`);
    await session.page.goto(`${baseUrl}/settings`);
    await session.page.waitForURL(/\/sign-in\?next=%2Fsettings/);
  });

  it('explains a wrong password, then signs in and returns where the user was going', async () => {
    const auth = new AuthPage(session.page, baseUrl);
    // The browser itself logs the refused request; that one error is expected.
    session.allowConsoleError(/status of 401/);
    await auth.fillAndSubmit({ email: person.email, password: 'not the password' });
    await expect
      .poll(() => auth.error().innerText())
      .toBe('That email and password do not match an account.');
    await auth.fillAndSubmit(person);
    await session.page.waitForURL(`${baseUrl}/settings`);
  });

  it('names every missing field before asking the server', async () => {
    const visitor = await openPage(browser);
    await visitor.page.goto(`${baseUrl}/sign-up`);
    await visitor.page.getByTestId('auth-submit').click();
    const page = visitor.page;
    expect(await page.getByText('Enter your name.').isVisible()).toBe(true);
    expect(await page.getByText('Enter your email address.').isVisible()).toBe(true);
    await page.getByTestId('auth-name').fill('Zed');
    await page.getByTestId('auth-email').fill('zed@example.com');
    await page.getByTestId('auth-password').fill('short');
    await page.getByTestId('auth-submit').click();
    expect(await page.getByText('Use at least 8 characters for your password.').isVisible()).toBe(
      true,
    );
    expect(await page.getByTestId('auth-password').getAttribute('aria-invalid')).toBe('true');
    expect(visitor.consoleErrors()).toEqual([]);
    await visitor.context.close();
  });

  it('logged no console errors', () => {
    expect(session.consoleErrors()).toEqual([]);
  });
});
