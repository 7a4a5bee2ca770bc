// Accounts in the browser: after signing in or up the visitor stays on this site whatever
// `next` says, and an account that is waiting after wrong passwords says for how long.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newPerson, type Person } from './support/accounts.ts';
import { AuthPage } from './support/app.ts';
import { launchBrowser, openPage, type TestPage } from './support/browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let addresses = 0;
/** Each visitor is its own client: the server trusts one proxy hop, and limits are per address. */
const nextAddress = () => `198.18.${process.pid % 250}.${++addresses}`;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A page from a fresh address; anything it asks of evil.example is answered on loopback. */
async function visitor(): Promise<TestPage & { address: string }> {
  const session = await openPage(browser);
  const address = nextAddress();
  await session.context.setExtraHTTPHeaders({ 'x-forwarded-for': address });
  await session.context.route(
    (url) => url.hostname === 'evil.example',
    (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Evil</title>evil' }),
  );
  return { ...session, address };
}

async function accountFor(person: Person): Promise<void> {
  const response = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': nextAddress() },
    body: JSON.stringify(person),
  });
  expect(response.status).toBe(200);
}

/** Waits for the page to leave the sign-in or sign-up screen, and says where it went. */
async function landing(session: TestPage): Promise<URL> {
  await session.page.waitForURL((url) => !/^\/sign-(in|up)/.test(url.pathname), {
    timeout: 15_000,
  });
  await session.page.waitForLoadState();
  return new URL(session.page.url());
}

describe('the page after signing in', () => {
  it.each(['%09', '%0a', '%0d'])(
    'stays on this site when next is /%s/evil.example/',
    async (encoded) => {
      const person = newPerson('Rania');
      await accountFor(person);
      const session = await visitor();
      try {
        await session.page.goto(`${baseUrl}/sign-in?next=/${encoded}/evil.example/`);
        await new AuthPage(session.page, baseUrl).fillAndSubmit(person);
        const landed = await landing(session);
        expect(landed.origin).toBe(baseUrl);
        expect(landed.pathname).toBe('/');
        await session.page.getByRole('heading', { name: 'Tasks', level: 1 }).waitFor();
        expect(session.consoleErrors()).toEqual([]);
      } finally {
        await session.context.close();
      }
    },
  );

  it('stays on this site after signing up with a hostile next', async () => {
    const person = newPerson('Saad');
    const session = await visitor();
    try {
      await session.page.goto(`${baseUrl}/sign-up?next=/%09/evil.example/`);
      await session.page.getByTestId('auth-name').fill(person.name);
      await new AuthPage(session.page, baseUrl).fillAndSubmit(person);
      const landed = await landing(session);
      expect(landed.origin).toBe(baseUrl);
      expect(landed.pathname).toBe('/');
    } finally {
      await session.context.close();
    }
  });

  it('still goes on to a page of this site, for a visitor already signed in too', async () => {
    const person = newPerson('Tariq');
    await accountFor(person);
    const session = await visitor();
    try {
      await session.page.goto(`${baseUrl}/sign-in?next=%2Fsettings`);
      await new AuthPage(session.page, baseUrl).fillAndSubmit(person);
      await session.page.waitForURL(`${baseUrl}/settings`);
      // Signed in now: the sign-in page sends them straight on, and never off the site.
      await session.page.goto(`${baseUrl}/sign-in?next=/%0a/evil.example/`);
      const landed = await landing(session);
      expect(landed.origin).toBe(baseUrl);
      expect(landed.pathname).toBe('/');
    } finally {
      await session.context.close();
    }
  });
});

describe('wrong passwords', () => {
  it('after five from one address the form says how long to wait', async () => {
    const person = newPerson('Usman');
    await accountFor(person);
    const session = await visitor();
    session.allowConsoleError(/status of 401/);
    session.allowConsoleError(/status of 429/);
    try {
      const auth = new AuthPage(session.page, baseUrl);
      await session.page.goto(`${baseUrl}/sign-in`);
      const answered = () =>
        session.page.waitForResponse((response) => response.url().endsWith('/sign-in/email'));
      for (let attempt = 1; attempt <= 5; attempt++) {
        const reply = answered();
        await auth.fillAndSubmit({ email: person.email, password: `wrong guess ${attempt}` });
        expect((await reply).status()).toBe(401);
        await expect
          .poll(() => auth.error().innerText())
          .toBe('That email and password do not match an account.');
      }
      // The right password now: the account waits, and the form says for how long.
      const reply = answered();
      await auth.fillAndSubmit(person);
      expect((await reply).status()).toBe(429);
      await expect
        .poll(() => auth.error().innerText())
        .toMatch(/^Too many attempts for this account\. Try again in \d+ seconds\.$/);
      expect(session.page.url()).toBe(`${baseUrl}/sign-in`);
      expect(session.consoleErrors()).toEqual([]);
    } finally {
      await session.context.close();
    }
  });
});
