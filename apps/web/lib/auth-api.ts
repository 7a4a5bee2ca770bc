// Account calls to Better Auth, with its error codes turned into sentences a person can act on.
import { ApiError, apiRequest } from './api-client';
import type { Session } from './types';

const friendly: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: 'That email and password do not match an account.',
  USER_ALREADY_EXISTS: 'An account with this email already exists. Sign in instead.',
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL:
    'An account with this email already exists. Sign in instead.',
  PASSWORD_TOO_SHORT: 'Use at least 8 characters for your password.',
  PASSWORD_TOO_LONG: 'Use at most 128 characters for your password.',
  INVALID_EMAIL: 'Enter a valid email address.',
};

function explain(error: unknown): never {
  if (error instanceof ApiError) {
    // The server says how long to wait ("Try again in 15 seconds."); older answers did not.
    const message =
      error.status === 429
        ? /try again in/i.test(error.message)
          ? error.message
          : 'Too many attempts. Wait a minute and try again.'
        : (friendly[error.code] ?? error.message);
    throw new ApiError(error.status, error.code, message, error.details);
  }
  throw error;
}

/**
 * Signing up with an email that already has an account answers like a new account, without
 * the session (so the reply does not say at once which emails have accounts).
 */
export const ACCOUNT_NOT_CREATED =
  'No new account was created for this email. If you already have one, sign in instead.';

export function getSession(): Promise<Session | null> {
  return apiRequest<Session | null>('GET', '/api/auth/get-session');
}

export async function signIn(email: string, password: string): Promise<void> {
  await apiRequest('POST', '/api/auth/sign-in/email', { body: { email, password } }).catch(explain);
}

export async function signUp(name: string, email: string, password: string): Promise<void> {
  const result = await apiRequest<{ token: string | null } | null>(
    'POST',
    '/api/auth/sign-up/email',
    { body: { name, email, password } },
  ).catch(explain);
  if (!result?.token) throw new ApiError(409, 'ACCOUNT_NOT_CREATED', ACCOUNT_NOT_CREATED);
}

export async function signOut(): Promise<void> {
  await apiRequest('POST', '/api/auth/sign-out', { body: {} });
}
