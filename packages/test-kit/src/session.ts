// A signed-in user: an account signed up through the real endpoint, and its requests carrying
// the session, over whatever transport the caller uses.
import type { Reply, Send } from './http.ts';

export interface Account {
  name: string;
  email: string;
  password: string;
}

export interface Session<R extends Reply = Reply> extends Account {
  userId: string;
  /** The bearer session token (Better Auth's set-auth-token header). */
  token: string;
  /** `name=value` of the session cookie, for callers that act as a browser. */
  cookie: string | undefined;
  /** Requests as this user: `authorization: Bearer <token>` unless the caller sets its own. */
  send: Send<R>;
}

/** Signs `account` up through `send` (e.g. `fetchSend(url)`); throws unless it worked. */
export async function signUp<R extends Reply>(
  send: Send<R>,
  account: Account,
): Promise<Session<R>> {
  const reply = await send('POST', '/api/auth/sign-up/email', { body: account });
  const token = reply.headers['set-auth-token'];
  const userId = reply.body?.user?.id;
  if (reply.status !== 200 || typeof token !== 'string' || !userId) {
    throw new Error(
      `sign-up of ${account.email} answered ${reply.status}: ${JSON.stringify(reply.body)}`,
    );
  }
  const cookie = [reply.headers['set-cookie'] ?? []]
    .flat()
    .find((line) => line.includes('session_token'))
    ?.split(';')[0];
  return {
    ...account,
    userId,
    token,
    cookie,
    send: (method, path, init = {}) =>
      send(method, path, {
        ...init,
        headers: { authorization: `Bearer ${token}`, ...init.headers },
      }),
  };
}
