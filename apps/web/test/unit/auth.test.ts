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

  it('keeps a name within the server limit', () => {
    const fields = { name: 'x'.repeat(101), email: 'a@b.co', password: 'long enough' };
    expect(validateAuth('sign-up', fields)).toEqual({
      name: 'Use at most 100 characters for your name.',
    });
    expect(validateAuth('sign-up', { ...fields, name: ` ${'x'.repeat(100)} ` })).toEqual({});
  });
});

describe('redirects after sign-in', () => {
  const origin = 'http://localhost:8080';

  it('keep a path on this site, with its query and fragment', () => {
    for (const [next, expected] of [
      ['/settings', '/settings'],
      ['/?status=pending', '/?status=pending'],
      ['/settings#tokens', '/settings#tokens'],
      ['settings', '/settings'],
      ['/%2F%2Fevil.example/', '/%2F%2Fevil.example/'],
      ['\\evil.example', '/evil.example'],
      ['http:evil.example', '/evil.example'],
      ['http://localhost:8080/settings?x=1', '/settings?x=1'],
    ]) {
      expect(safeNext(next, origin), next).toBe(expected);
    }
  });

  it('never leave the site, however the value is spelled', () => {
    const hostile = [
      'https://evil.example',
      'http://evil.example/',
      '//evil.example',
      '///evil.example',
      '/\\evil.example',
      '\\/evil.example',
      '/\t/evil.example/',
      '/\n/evil.example/',
      '/\r/evil.example/',
      '\t//evil.example/',
      '/\t\n\r/evil.example/',
      '\n/\\evil.example',
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      '\tjavascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'https://localhost:8080/',
      'http://localhost:8081/',
      'http://localhost:8080.evil.example/',
      'http://localhost:8080@evil.example/',
      'http://localhost:8080//evil.example/',
      'http://[::1',
      '',
      null,
      undefined,
    ];
    for (const value of hostile) {
      const next = safeNext(value, origin);
      expect(next, JSON.stringify(value)).toBe('/');
    }
  });

  it('read from the query string as the sign-in page reads it, encoded forms included', () => {
    for (const query of [
      'next=/%09/evil.example/',
      'next=/%0a/evil.example/',
      'next=/%0d/evil.example/',
      'next=/%0D%0A/evil.example/',
      'next=%2F%2Fevil.example',
      'next=/%5Cevil.example',
      'next=%5C%5Cevil.example',
      'next=%2F%09%2Fevil.example',
      'next=javascript%3Aalert(1)',
      'next=https%3A%2F%2Fevil.example',
    ]) {
      expect(safeNext(new URLSearchParams(query).get('next'), origin), query).toBe('/');
    }
  });

  it('what it keeps is a path the browser resolves to this site', () => {
    for (const value of ['/a', 'http://localhost:8080/%2F/x', '/.//evil.example', '/./\\evil']) {
      const next = safeNext(value, origin);
      expect(new URL(next, origin).origin, value).toBe(origin);
      expect(next.startsWith('//'), value).toBe(false);
    }
  });

  it('remember where the visitor was going', () => {
    expect(signInPath('/')).toBe('/sign-in');
    expect(signInPath('/settings')).toBe('/sign-in?next=%2Fsettings');
  });
});
