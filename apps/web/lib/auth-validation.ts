// Checks made before an account request, so mistakes are named next to the field at once.

export type AuthMode = 'sign-in' | 'sign-up';

export interface AuthFields {
  name: string;
  email: string;
  password: string;
}

export type AuthProblems = Partial<Record<keyof AuthFields, string>>;

export const PASSWORD_MIN = 8;
/** The server's limit too (apps/api/src/auth/input.ts). */
export const NAME_MAX = 100;

export function validateAuth(mode: AuthMode, fields: AuthFields): AuthProblems {
  const problems: AuthProblems = {};
  if (mode === 'sign-up' && !fields.name.trim()) problems.name = 'Enter your name.';
  else if (mode === 'sign-up' && fields.name.trim().length > NAME_MAX) {
    problems.name = `Use at most ${NAME_MAX} characters for your name.`;
  }
  const email = fields.email.trim();
  if (!email) problems.email = 'Enter your email address.';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    problems.email = 'Enter a valid email address, like ann@example.com.';
  if (!fields.password) problems.password = 'Enter your password.';
  else if (mode === 'sign-up' && fields.password.length < PASSWORD_MIN) {
    problems.password = `Use at least ${PASSWORD_MIN} characters for your password.`;
  }
  return problems;
}
