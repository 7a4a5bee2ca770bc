// Per-user budgets: requests per window, chat turns per window (far dearer than a list), and
// how many requests run at once, so that no account can monopolise the database (PGlite runs one
// query at a time) and slow everyone else.
//
// Counted in this process's memory, so per replica: a database write per request would double
// the cost of every list. Behind a load balancer with N replicas a user may get up to N times
// the budget; the concurrency bounds hold per replica too.
import { createHash } from 'node:crypto';
import type { Context, Next } from 'hono';
import { createMiddleware } from 'hono/factory';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { UserLimits } from '../config.ts';
import { errorBody } from './errors.ts';
import type { AppEnv } from './router.ts';

/** POST /api/{user_id}/chat and /chat/stream: one assistant turn each. */
const CHAT_TURN = /^\/api\/[^/]+\/chat(\/stream)?\/?$/;
/** Better Auth's session cookie (with the __Secure- prefix over HTTPS). */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=([^;]+)/;

export interface UserLimitMiddleware {
  /**
   * Before the session lookup, keyed by the credential (session or API token). On PGlite the
   * lookup is itself a query in the one queue, and requests then pass the per-user bound one at
   * a time: measured, a user's 16 concurrent searches all reached the database, and another
   * user's list waited behind every one of them. Bounding here keeps the rest out of the queue.
   */
  beforeAuth: ReturnType<typeof createMiddleware<AppEnv>>;
  /** After requireUser, keyed by the user's id: the budgets, and the bound across credentials. */
  afterAuth: ReturnType<typeof createMiddleware<AppEnv>>;
}

export function userLimits(limits: UserLimits): UserLimitMiddleware {
  const requests = new RateLimiterMemory({
    points: limits.requests.max,
    duration: limits.requests.windowSeconds,
  });
  const chatTurns = new RateLimiterMemory({
    points: limits.chatTurns.max,
    duration: limits.chatTurns.windowSeconds,
  });
  const perCredential = createSlots(limits.inFlight, limits.queued);
  const perUser = createSlots(limits.inFlight, limits.queued);

  const beforeAuth = createMiddleware<AppEnv>(async (c, next) => {
    const credential =
      c.req.header('authorization') ?? SESSION_COOKIE.exec(c.req.header('cookie') ?? '')?.[1];
    // Without a credential requireUser answers 401 without asking the database.
    if (!limits.enabled || !credential) return next();
    const key = createHash('sha256').update(credential).digest('base64url');
    return holdSlot(c, next, perCredential, key, limits);
  });

  const afterAuth = createMiddleware<AppEnv>(async (c, next) => {
    if (!limits.enabled) return next();
    const userId = c.get('user').id;
    const chatTurn = c.req.method === 'POST' && CHAT_TURN.test(c.req.path);
    try {
      await (chatTurn ? chatTurns : requests).consume(userId);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      const { max, windowSeconds } = chatTurn ? limits.chatTurns : limits.requests;
      const what = chatTurn ? 'chat messages' : 'requests';
      return tooMany(
        c,
        'rate_limited',
        `Too many ${what}: an account may send ${max} every ${windowSeconds} s. Try again in ${seconds} s.`,
        seconds,
      );
    }
    return holdSlot(c, next, perUser, userId, limits);
  });

  return { beforeAuth, afterAuth };
}

/** Runs the rest of the request in one of `key`'s slots, or answers 429 when none is free. */
async function holdSlot(
  c: Context<AppEnv>,
  next: Next,
  slots: Slots,
  key: string,
  limits: UserLimits,
): Promise<Response | undefined> {
  const release = await slots.acquire(key);
  if (!release) {
    return tooMany(
      c,
      'too_many_concurrent_requests',
      `Too many requests at once from this account: ${limits.inFlight} run at a time and ${limits.queued} may wait. Try again in a moment.`,
      1,
    );
  }
  let handedOver = false;
  try {
    await next();
    const body = c.res.body;
    if (body && c.res.headers.get('content-type')?.startsWith('text/event-stream')) {
      // A stream (a chat turn) keeps working after the handler returns: hold the slot until
      // the last event is written or the client goes away.
      c.res = new Response(releasingWhenDone(body, release), c.res);
      handedOver = true;
    }
  } finally {
    if (!handedOver) release();
  }
  return undefined;
}

function tooMany(c: Context<AppEnv>, code: string, message: string, retryAfterSeconds: number) {
  return c.json(errorBody(code, message, undefined, c.get('requestId')), 429, {
    'Retry-After': String(retryAfterSeconds),
  });
}

/**
 * Per key, `running` at a time; up to `queued` more wait their turn (a browser fires several
 * lists at once and should not be refused), and beyond that `acquire` answers undefined.
 */
export type Slots = ReturnType<typeof createSlots>;

export function createSlots(running: number, queued: number) {
  const keys = new Map<string, { running: number; waiting: (() => void)[] }>();
  return {
    async acquire(key: string): Promise<(() => void) | undefined> {
      let entry = keys.get(key);
      if (!entry) {
        entry = { running: 0, waiting: [] };
        keys.set(key, entry);
      }
      const held = entry;
      if (held.running < running) held.running += 1;
      else if (held.waiting.length < queued) {
        // The releasing request hands its slot straight over, so `running` stays as it is.
        await new Promise<void>((resolve) => held.waiting.push(resolve));
      } else return undefined;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const next = held.waiting.shift();
        if (next) return next();
        held.running -= 1;
        if (held.running === 0) keys.delete(key);
      };
    },
    /** Keys with requests running or waiting (for tests: nothing may leak). */
    get size() {
      return keys.size;
    },
  };
}

/** The same bytes, calling `done` once when they end, fail or the reader cancels. */
function releasingWhenDone(body: ReadableStream<Uint8Array>, done: () => void) {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done: ended, value } = await reader.read();
        if (ended) {
          done();
          controller.close();
        } else controller.enqueue(value);
      } catch (error) {
        done();
        controller.error(error);
      }
    },
    cancel(reason) {
      done();
      return reader.cancel(reason);
    },
  });
}
