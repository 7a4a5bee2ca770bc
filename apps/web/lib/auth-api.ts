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
    const message =
      error.status === 429
        ? 'Too many attempts. Wait a minute and try again.'
        : (friendly[error.code] ?? error.message);
    throw new ApiError(error.status, error.code, message, error.details);
  }
  throw error;
}

export function getSession(): Promise<Session | null> {
  return apiRequest<Session | null>('GET', '/api/auth/get-session');
}

export async function signIn(email: string, password: string): Promise<void> {
  await apiRequest('POST', '/api/auth/sign-in/email', { body: { email, password } }).catch(explain);
}

export async function signUp(name: string, email: string, password: string): Promise<void> {
  await apiRequest('POST', '/api/auth/sign-up/email', { body: { name, email, password } }).catch(
    explain,
  );
}

export async function signOut(): Promise<void> {
  await apiRequest('POST', '/api/auth/sign-out', { body: {} });
}
