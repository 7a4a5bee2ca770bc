import { describe, expect, it } from 'vitest';
import { validateAuth } from '../../lib/auth-validation';
import { safeNext, signInPath } from '../../lib/redirect';

describe('validateAuth', () => {
  it('names every missing field', () => {
    expect(validateAuth('sign-up', { name: ' ', email: '', password: '' })).toEqual({
      name: 'Enter your name.',
      email: 'Enter your email address.',
      password: 'Enter your password.',
    });
  });

  it('checks the email shape and, for new accounts, the password length', () => {
    expect(validateAuth('sign-up', { name: 'A', email: 'a@b', password: 'short' })).toEqual({
      email: 'Enter a valid email address, like ann@example.com.',
      password: 'Use at least 8 characters for your password.',
    });
    expect(validateAuth('sign-in', { name: '', email: 'a@b.co', password: 'short' })).toEqual({});
  });
});

describe('redirects after sign-in', () => {
  it('only ever go to a path on this site', () => {
    expect(safeNext('/settings')).toBe('/settings');
    expect(safeNext('/?status=pending')).toBe('/?status=pending');
    for (const hostile of ['https://evil.example', '//evil.example', '/\\evil.example', '', null]) {
      expect(safeNext(hostile)).toBe('/');
    }
  });

  it('remember where the visitor was going', () => {
    expect(signInPath('/')).toBe('/sign-in');
    expect(signInPath('/settings')).toBe('/sign-in?next=%2Fsettings');
  });
});
