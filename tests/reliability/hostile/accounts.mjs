// Probes of accounts and sign-in (issue 20, items 3–6): redirects after sign-in, password
// guessing per account, account enumeration at sign-up, Better Auth's fields and routes.
import { sleep } from '@todo-chatbot/test-kit';
import { chromium } from 'playwright-core';
import { randomAddress } from '../lib/hostile-server.mjs';

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;
function counts(replies) {
  const byStatus = {};
  for (const { status } of replies) byStatus[status] = (byStatus[status] ?? 0) + 1;
  return byStatus;
}
const describeCounts = (replies) =>
  Object.entries(counts(replies))
    .map(([status, n]) => `${n}×${status}`)
    .join(', ');
const newEmail = () =>
  `probe-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}@example.com`;

function signIn(server, email, password, address) {
  return server.request('POST', '/api/auth/sign-in/email', {
    address,
    body: { email, password },
  });
}

export default [
  {
    id: 'open-redirect-after-sign-in',
    finding: '3. open redirect after sign-in',
    tried:
      'a genuine sign-in (and a sign-up) in Chromium with next=/%09/evil.example/, /%0a/…, /%0d/…',
    async run(server) {
      const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
      const landings = [];
      try {
        const cases = ['%09', '%0a', '%0d'].map((code) => ({ mode: 'sign-in', code }));
        cases.push({ mode: 'sign-up', code: '%09' });
        for (const { mode, code } of cases) {
          const address = randomAddress();
          const account =
            mode === 'sign-in'
              ? await server.signUp()
              : { email: newEmail(), password: 'correct horse battery' };
          const context = await browser.newContext({
            extraHTTPHeaders: { 'x-forwarded-for': address },
          });
          // Whatever reaches for evil.example is answered here: no traffic leaves loopback.
          await context.route(
            (url) => url.hostname.endsWith('evil.example'),
            (route) => route.fulfill({ status: 200, contentType: 'text/html', body: 'evil' }),
          );
          const page = await context.newPage();
          await page.goto(`${server.url}/${mode}?next=/${code}/evil.example/`);
          if (mode === 'sign-up') await page.getByTestId('auth-name').fill('Probe');
          await page.getByTestId('auth-email').fill(account.email);
          await page.getByTestId('auth-password').fill(account.password);
          await page.getByTestId('auth-submit').click();
          await page
            .waitForURL((url) => !/^\/sign-(in|up)/.test(url.pathname), { timeout: 15_000 })
            .catch(() => {});
          await page.waitForLoadState().catch(() => {});
          landings.push({ mode, code, url: page.url() });
          await context.close();
        }
      } finally {
        await browser.close();
      }
      const ours = landings.filter(({ url }) => new URL(url).origin === server.url);
      const evil = landings.filter(({ url }) => new URL(url).hostname.endsWith('evil.example'));
      return {
        pass: ours.length === landings.length,
        value:
          `${landings.length} genuine sign-ins/sign-ups with a hostile next: ${ours.length} landed on this site ` +
          `(${[...new Set(ours.map(({ url }) => new URL(url).pathname))].join(', ')}), ${evil.length} on evil.example`,
        figures: { attempts: landings.length, landedHere: ours.length, landedOnEvil: evil.length },
      };
    },
  },
  {
    id: 'password-guessing-per-account',
    finding: '4. brute force per account',
    tried: '50 wrong passwords for one account from 5 addresses, then the right one',
    async run(server) {
      const ownAddress = randomAddress();
      const victim = await server.signUp({ address: ownAddress });
      const attackers = Array.from({ length: 5 }, () => randomAddress());
      const guesses = [];
      for (let i = 0; i < 50; i++) {
        guesses.push(await signIn(server, victim.email, `guess number ${i}`, attackers[i % 5]));
      }
      const checked = guesses.filter(({ status }) => status === 401).length;
      const firstRefusal = guesses.find(({ status }) => status === 429);
      const fromAttacker = await signIn(server, victim.email, victim.password, attackers[0]);
      const newAddress = randomAddress();
      const started = Date.now();
      const fromNewAddress = await signIn(server, victim.email, victim.password, newAddress);
      const fromOwnAddress = await signIn(server, victim.email, victim.password, ownAddress);
      // The real user on a new address waits as told, then gets in.
      let waitedMs = 0;
      let later = fromNewAddress;
      for (let round = 0; later.status === 429 && round < 3; round++) {
        const seconds = Number(later.headers['retry-after']) || 1;
        if (seconds > 60) break;
        await sleep(seconds * 1000 + 200);
        later = await signIn(server, victim.email, victim.password, newAddress);
      }
      waitedMs = Date.now() - started;
      const pass =
        checked <= 11 &&
        fromOwnAddress.status === 200 &&
        later.status === 200 &&
        waitedMs < 60_000 &&
        firstRefusal?.body?.error?.message?.includes('Try again in');
      return {
        pass,
        value:
          `50 wrong guesses: ${describeCounts(guesses)} (${checked} passwords checked` +
          (firstRefusal
            ? `; refusal: "${firstRefusal.body?.error?.message}", Retry-After ${firstRefusal.headers['retry-after']} s); `
            : '); ') +
          `right password then: from an attacker address ${fromAttacker.status}, from a new address ` +
          `${fromNewAddress.status} (Retry-After ${fromNewAddress.headers['retry-after'] ?? '–'} s, in after ` +
          `${(waitedMs / 1000).toFixed(1)} s), from the user's own address ${fromOwnAddress.status} at once`,
        figures: {
          guesses: 50,
          checked,
          refused: guesses.length - checked,
          ownAddressStatus: fromOwnAddress.status,
          newAddressKeptOutSeconds: Math.round(waitedMs / 100) / 10,
        },
      };
    },
  },
  {
    id: 'verify-password-guessing',
    finding: '4. brute force per account',
    tried:
      'a session holder guessing the password on verify-password: 30 from one address, 30 from six',
    async run(server) {
      const victim = await server.signUp();
      const guess = (address, i) =>
        victim.request('POST', '/api/auth/verify-password', {
          headers: { 'x-forwarded-for': address },
          body: { password: `guess ${i}` },
        });
      const one = randomAddress();
      const fromOne = [];
      for (let i = 0; i < 30; i++) fromOne.push(await guess(one, i));
      const many = Array.from({ length: 6 }, () => randomAddress());
      const fromMany = [];
      for (let i = 0; i < 30; i++) fromMany.push(await guess(many[i % 6], i));
      const checked = [...fromOne, ...fromMany].filter(({ status }) => status === 400).length;
      return {
        pass: checked <= 12 && [...fromOne, ...fromMany].every(({ status }) => status < 500),
        value:
          `from one address: ${describeCounts(fromOne)}; then from six: ${describeCounts(fromMany)} ` +
          `(${checked} of 60 guesses checked; before: 100 a minute to any session)`,
        figures: { guesses: 60, checked },
      };
    },
  },
  {
    id: 'sign-up-enumeration',
    finding: '5. account enumeration',
    tried: '20 sign-ups with an existing email and 20 with new ones, interleaved',
    async run(server) {
      const existing = await server.signUp();
      const sample = { fresh: [], taken: [] };
      const keys = new Set();
      let sessionsTaken = 0;
      for (let i = 0; i < 20; i++) {
        for (const kind of ['fresh', 'taken']) {
          const reply = await server.request('POST', '/api/auth/sign-up/email', {
            address: randomAddress(),
            body: {
              name: 'Probe',
              email: kind === 'fresh' ? newEmail() : existing.email,
              password: 'another password',
            },
          });
          sample[kind].push(reply);
          keys.add(`${kind}:${reply.status}:${Object.keys(reply.body?.user ?? {}).join(',')}`);
          if (kind === 'taken' && reply.headers['set-auth-token']) sessionsTaken += 1;
        }
      }
      const ms = (replies) => Math.round(median(replies.map((reply) => reply.ms)) * 10) / 10;
      const [fresh, taken] = [ms(sample.fresh), ms(sample.taken)];
      const sameAnswer =
        new Set([...keys].map((key) => key.slice(key.indexOf(':') + 1))).size === 1 &&
        sample.taken.every((reply) => reply.status === 200 && reply.body.token === null);
      return {
        pass: sameAnswer && sessionsTaken === 0 && taken > fresh * 0.5 && taken < fresh * 2,
        value:
          `median ${taken} ms for an existing email against ${fresh} ms for a new one (before: 7 against 99); ` +
          `existing ${describeCounts(sample.taken)}, new ${describeCounts(sample.fresh)}, ` +
          `${sameAnswer ? 'the same status and user fields' : 'different answers'}; still observable: a new ` +
          `account's reply carries its session (token, cookie), an existing email's has token null`,
        figures: { medianExistingMs: taken, medianNewMs: fresh, tries: 20 },
      };
    },
  },
  {
    id: 'auth-field-validation',
    finding: '6. Better Auth fields',
    tried: 'a NUL and a 900 KB name on sign-up and update-user, an unknown field, a NUL in sign-in',
    async run(server) {
      const user = await server.signUp();
      const huge = 'x'.repeat(900_000);
      const signUpWith = (name, extra = {}) =>
        server.request('POST', '/api/auth/sign-up/email', {
          address: randomAddress(),
          body: { name, email: newEmail(), password: 'correct horse battery', ...extra },
        });
      const replies = {
        'sign-up NUL name': await signUpWith('a\u0000b'),
        'sign-up 900 KB name': await signUpWith(huge),
        'sign-up emailVerified': await signUpWith('ok', { emailVerified: true }),
        'update-user NUL name': await user.request('POST', '/api/auth/update-user', {
          body: { name: 'a\u0000b' },
        }),
        'update-user 900 KB name': await user.request('POST', '/api/auth/update-user', {
          body: { name: huge },
        }),
        'sign-in NUL email': await server.request('POST', '/api/auth/sign-in/email', {
          body: { email: 'a\u0000@example.com', password: 'x' },
        }),
      };
      const jwt = await user.request('GET', '/api/auth/token');
      const clear = Object.values(replies).every(
        (reply) => reply.status === 400 && typeof reply.body?.message === 'string',
      );
      return {
        pass: clear,
        value: `${Object.entries(replies)
          .map(([label, reply]) => `${label} ${reply.status}`)
          .join('; ')}; JWT ${jwt.body?.token?.length ?? 0} bytes (names capped at 100 characters)`,
      };
    },
  },
  {
    id: 'cross-site-write-with-bogus-bearer',
    finding: '6. cross-site write check',
    tried: 'a cross-site POST with the session cookie and a bogus Authorization header',
    async run(server) {
      const address = randomAddress();
      const { cookie } = await server.signUp({ address, name: 'Cookie' });
      if (!cookie) throw new Error('sign-up set no session cookie');
      const statuses = [];
      for (const authorization of ['Bearer bogus', 'Bearer todo_bogus', 'Basic eDp5']) {
        const reply = await server.request('POST', '/api/me/tasks', {
          address,
          headers: { cookie, authorization, origin: 'https://evil.example' },
          body: { title: 'forged' },
        });
        statuses.push(reply.status);
      }
      const list = await server.request('GET', '/api/me/tasks', { address, headers: { cookie } });
      return {
        pass:
          statuses.every((status) => status === 401 || status === 403) && list.body?.total === 0,
        value: `bogus bearer + cookie from evil.example: ${statuses.join(', ')}; tasks created: ${list.body?.total}`,
      };
    },
  },
  {
    id: 'sign-out-without-body',
    finding: '6. sign-out without a body',
    tried: 'POST /api/auth/sign-out with no body and no Content-Type, then the same session',
    async run(server) {
      const user = await server.signUp();
      const out = await user.request('POST', '/api/auth/sign-out');
      const after = await user.request('GET', '/api/me/tasks');
      return {
        pass: out.status === 200 && after.status === 401,
        value: `sign-out ${out.status}; the session afterwards ${after.status}`,
      };
    },
  },
  {
    id: 'tokens-after-sign-out-everywhere',
    finding: '6. personal tokens and sessions',
    tried:
      'a personal token, then sign out everywhere; another, then a password change ending other sessions',
    async run(server) {
      const user = await server.signUp();
      const first = await user.request('POST', '/api/me/tokens', { body: { name: 'left behind' } });
      const useToken = (token) =>
        server.request('GET', '/api/me/tasks', { headers: { authorization: `Bearer ${token}` } });
      const before = await useToken(first.body.token);
      const everywhere = await user.request('POST', '/api/auth/revoke-sessions', { body: {} });
      const afterEverywhere = await useToken(first.body.token);
      const other = await server.signUp();
      const second = await other.request('POST', '/api/me/tokens', { body: { name: 'second' } });
      const changed = await other.request('POST', '/api/auth/change-password', {
        body: {
          currentPassword: other.password,
          newPassword: 'a brand new password',
          revokeOtherSessions: true,
        },
      });
      const afterChange = await useToken(second.body.token);
      return {
        pass: before.status === 200 && afterEverywhere.status === 401 && afterChange.status === 401,
        value:
          `token before ${before.status}; sign out everywhere ${everywhere.status}, token then ` +
          `${afterEverywhere.status}; password change (revokeOtherSessions) ${changed.status}, token then ${afterChange.status}`,
      };
    },
  },
  {
    id: 'unused-auth-routes',
    finding: '6. unused Better Auth routes',
    tried: 'social sign-in, OAuth callbacks, link/unlink and the other routes the app does not use',
    async run(server) {
      const user = await server.signUp();
      const unused = [
        ['POST', '/api/auth/sign-in/social', { provider: 'github' }],
        ['GET', '/api/auth/callback/github?code=x&state=y'],
        ['POST', '/api/auth/link-social', { provider: 'google' }],
        ['POST', '/api/auth/unlink-account', { providerId: 'credential' }],
        ['GET', '/api/auth/list-accounts'],
        ['POST', '/api/auth/request-password-reset', { email: user.email }],
        ['POST', '/api/auth/delete-user', {}],
        ['POST', '/api/auth/update-session', {}],
        ['GET', '/api/auth/ok'],
      ];
      const statuses = [];
      for (const [method, path, body] of unused) {
        statuses.push((await user.request(method, path, { body })).status);
      }
      const served = await user.request('GET', '/api/auth/get-session');
      return {
        pass: statuses.every((status) => status === 404) && served.status === 200,
        value: `${unused.length} unused routes: ${describeCounts(statuses.map((status) => ({ status })))}; get-session still ${served.status}`,
      };
    },
  },
];
