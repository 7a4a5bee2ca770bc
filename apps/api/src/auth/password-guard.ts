// Back-off on password guesses per account, counted in the database so every replica agrees.
import { createHash } from 'node:crypto';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '../db/client.ts';
import { pruneBuckets, sharedLimiter } from './limiter-buckets.ts';

export interface PasswordGuardSettings {
  /** Failed attempts on one account, from addresses it never signed in from, before waits. */
  accountFailures: number;
  /** Failed attempts on one account from one address before waits. */
  addressFailures: number;
  /** The longest wait; waits start at FIRST_WAIT_SECONDS and double. */
  maxWaitSeconds: number;
}

export type Outcome = 'success' | 'failure' | 'neutral';

/** Consecutive failures counted for the account (from untrusted addresses) and the address. */
export interface Tally {
  account?: number;
  address: number;
  waitSeconds: number;
}

export type Admission =
  | { admitted: false; retryAfterSeconds: number }
  | { admitted: true; finish(outcome: Outcome): Promise<Tally> };

const FIRST_WAIT_SECONDS = 15;
/** How long an attempt past the free ones holds the gate while its password is checked. */
const HOLD_SECONDS = 30;
/** Consecutive failures are forgotten a day after the first. */
const FAILURES_SECONDS = 86_400;
/** An address that signed in to an account stays trusted for it this long. */
const KNOWN_SECONDS = 30 * 86_400;
const PRUNE_EVERY_MS = 10 * 60_000;

interface Counter {
  scope: 'account' | 'address';
  key: string;
  free: number;
  failures: number;
  holdsGate: boolean;
}

/**
 * Counts consecutive failures for each account, and for each account and address, before the
 * password is checked, so a burst of parallel guesses cannot all slip through. Past the free
 * attempts, one guess per wait is checked and the wait doubles, capped at minutes: an attacker
 * cannot keep the real user out for long, and not at all from an address that user signed in
 * from before, which only the per-address count applies to. Unknown emails are counted like
 * real ones, so the answers say nothing about which accounts exist. A success resets both.
 */
export function createPasswordGuard(db: Db, settings: PasswordGuardSettings) {
  const failures = sharedLimiter(db, {
    keyPrefix: 'password-failures',
    points: Number.MAX_SAFE_INTEGER,
    duration: FAILURES_SECONDS,
  });
  const gates = sharedLimiter(db, {
    keyPrefix: 'password-gate',
    points: 1,
    duration: HOLD_SECONDS,
  });
  const known = sharedLimiter(db, {
    keyPrefix: 'password-known',
    points: 1,
    duration: KNOWN_SECONDS,
  });
  let prunedAt = Date.now();

  const waitFor = (beyondFree: number) =>
    Math.min(settings.maxWaitSeconds, FIRST_WAIT_SECONDS * 2 ** (beyondFree - 1));

  async function release(counters: Counter[]) {
    for (const counter of counters) {
      await failures.reward(counter.key);
      if (counter.holdsGate) await gates.delete(counter.key);
    }
  }

  async function admit(email: string, address: string): Promise<Admission> {
    const { account, pairKey } = keysFor(email, address);
    const trustedAddress = (await known.get(pairKey)) !== null;
    const wanted: Pick<Counter, 'scope' | 'key' | 'free'>[] = [
      { scope: 'address', key: pairKey, free: settings.addressFailures },
    ];
    if (!trustedAddress) {
      wanted.push({ scope: 'account', key: account, free: settings.accountFailures });
    }

    const counters: Counter[] = [];
    for (const { scope, key, free } of wanted) {
      const counted = await failures.penalty(key);
      const counter = { scope, key, free, failures: counted.consumedPoints, holdsGate: false };
      counters.push(counter);
      if (counter.failures <= free) continue;
      try {
        await gates.consume(key, 1, { customDuration: HOLD_SECONDS });
        counter.holdsGate = true;
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        await release(counters);
        return {
          admitted: false,
          retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)),
        };
      }
    }

    return {
      admitted: true,
      async finish(outcome) {
        if (outcome === 'neutral') {
          await release(counters);
          return { address: 0, waitSeconds: 0 };
        }
        if (outcome === 'success') {
          for (const key of [pairKey, account]) {
            await failures.delete(key);
            await gates.delete(key);
          }
          await known.set(pairKey, 1, KNOWN_SECONDS);
          return { address: 0, waitSeconds: 0 };
        }
        let waitSeconds = 0;
        for (const counter of counters) {
          if (counter.failures < counter.free) continue;
          const wait = waitFor(counter.failures - counter.free + 1);
          await gates.block(counter.key, wait);
          waitSeconds = Math.max(waitSeconds, wait);
        }
        if (Date.now() - prunedAt > PRUNE_EVERY_MS) {
          prunedAt = Date.now();
          await pruneBuckets(db).catch(() => {});
        }
        const tally: Tally = { address: 0, waitSeconds };
        for (const counter of counters) tally[counter.scope] = counter.failures;
        return tally;
      },
    };
  }

  /** Trusts an address for an account, as a success from it does (after sign-up, say). */
  async function trust(email: string, address: string): Promise<void> {
    await known.set(keysFor(email, address).pairKey, 1, KNOWN_SECONDS);
  }

  return { admit, trust };
}

/** Accounts are named by a hash of the email: the table never holds an address book. */
function keysFor(email: string, address: string) {
  const account = createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 32);
  return { account, pairKey: `${account}@${address}` };
}

export type PasswordGuard = ReturnType<typeof createPasswordGuard>;

/** "15 seconds", "1 minute", "5 minutes": how long to wait, for a person. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
