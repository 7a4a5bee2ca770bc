'use client';
// Sign-in and sign-up: the same form, with a name field and a longer password rule for sign-up.
import Link from 'next/link';
import { type FormEvent, useId, useRef, useState } from 'react';
import { describeError } from '../lib/api-client';
import { signIn, signUp } from '../lib/auth-api';
import {
  type AuthFields,
  type AuthMode,
  type AuthProblems,
  PASSWORD_MIN,
  validateAuth,
} from '../lib/auth-validation';
import { field, label, primaryButton } from '../lib/styles';

const copy = {
  'sign-in': {
    title: 'Sign in',
    submit: 'Sign in',
    busy: 'Signing in…',
    switchText: 'New here?',
    switchLink: 'Create an account',
    switchHref: '/sign-up',
  },
  'sign-up': {
    title: 'Create your account',
    submit: 'Create account',
    busy: 'Creating account…',
    switchText: 'Already have an account?',
    switchLink: 'Sign in',
    switchHref: '/sign-in',
  },
} as const;

export function AuthForm({ mode, onSuccess }: { mode: AuthMode; onSuccess: () => void }) {
  const text = copy[mode];
  const id = useId();
  const [fields, setFields] = useState<AuthFields>({ name: '', email: '', password: '' });
  const [problems, setProblems] = useState<AuthProblems>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [showPassword, setShowPassword] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const update = (name: keyof AuthFields) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [name]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError('');
    const found = validateAuth(mode, fields);
    setProblems(found);
    const first = Object.keys(found)[0];
    if (first) {
      form.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setBusy(true);
    try {
      if (mode === 'sign-up')
        await signUp(fields.name.trim(), fields.email.trim(), fields.password);
      else await signIn(fields.email.trim(), fields.password);
      onSuccess();
    } catch (failure) {
      setError(describeError(failure));
      setBusy(false);
    }
  }

  const input = (name: keyof AuthFields, props: Record<string, string | boolean>) => {
    const problem = problems[name];
    const hint = name === 'password' && mode === 'sign-up' ? `${id}-${name}-hint` : undefined;
    const described = [hint, problem ? `${id}-${name}-problem` : undefined]
      .filter(Boolean)
      .join(' ');
    return (
      <input
        id={`${id}-${name}`}
        name={name}
        value={fields[name]}
        onChange={update(name)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={described || undefined}
        data-testid={`auth-${name}`}
        className={`${field} mt-1 ${problem ? 'border-danger' : ''}`}
        {...props}
      />
    );
  };

  const problemText = (name: keyof AuthFields) =>
    problems[name] ? (
      <p id={`${id}-${name}-problem`} className="mt-1 text-sm text-danger">
        {problems[name]}
      </p>
    ) : null;

  return (
    <form
      ref={form}
      noValidate
      onSubmit={submit}
      className="space-y-4"
      aria-labelledby={`${id}-title`}
    >
      <h1 id={`${id}-title`} className="text-2xl font-semibold">
        {text.title}
      </h1>
      {mode === 'sign-up' && (
        <div>
          <label htmlFor={`${id}-name`} className={label}>
            Name
          </label>
          {input('name', { type: 'text', autoComplete: 'name' })}
          {problemText('name')}
        </div>
      )}
      <div>
        <label htmlFor={`${id}-email`} className={label}>
          Email
        </label>
        {input('email', { type: 'email', autoComplete: 'email', inputMode: 'email' })}
        {problemText('email')}
      </div>
      <div>
        <div className="flex items-baseline justify-between">
          <label htmlFor={`${id}-password`} className={label}>
            Password
          </label>
          <button
            type="button"
            className="rounded text-sm text-accent underline-offset-2 hover:underline"
            aria-controls={`${id}-password`}
            aria-pressed={showPassword}
            onClick={() => setShowPassword((shown) => !shown)}
          >
            {showPassword ? 'Hide password' : 'Show password'}
          </button>
        </div>
        {input('password', {
          type: showPassword ? 'text' : 'password',
          autoComplete: mode === 'sign-up' ? 'new-password' : 'current-password',
        })}
        {mode === 'sign-up' && (
          <p id={`${id}-password-hint`} className="mt-1 text-sm text-muted">
            At least {PASSWORD_MIN} characters.
          </p>
        )}
        {problemText('password')}
      </div>
      <div
        role="alert"
        data-testid="auth-error"
        className="min-h-0 text-sm text-danger empty:hidden"
      >
        {error}
      </div>
      <button
        type="submit"
        className={`${primaryButton} w-full py-2.5`}
        disabled={busy}
        data-testid="auth-submit"
      >
        {busy ? text.busy : text.submit}
      </button>
      <p className="text-center text-sm text-muted">
        {text.switchText}{' '}
        <Link
          href={text.switchHref}
          className="font-medium text-accent underline-offset-2 hover:underline"
        >
          {text.switchLink}
        </Link>
      </p>
    </form>
  );
}
