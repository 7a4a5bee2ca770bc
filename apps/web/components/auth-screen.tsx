'use client';
// The sign-in and sign-up pages: a signed-in visitor goes straight on to where they were headed.
import { useRouter } from 'next/navigation';
import { useCallback, useEffect } from 'react';
import type { AuthMode } from '../lib/auth-validation';
import { safeNext } from '../lib/redirect';
import { card } from '../lib/styles';
import { useSession } from '../lib/use-session';
import { AuthForm } from './auth-form';
import { Brand } from './brand';
import { ThemeToggle } from './theme-toggle';

export function AuthScreen({ mode }: { mode: AuthMode }) {
  const router = useRouter();
  const [session] = useSession();
  const goOn = useCallback(
    () =>
      router.replace(
        safeNext(new URLSearchParams(window.location.search).get('next'), window.location.origin),
      ),
    [router],
  );

  useEffect(() => {
    if (session.status === 'signed-in') goOn();
  }, [session.status, goOn]);

  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between px-4 py-3">
        <Brand />
        <ThemeToggle />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pb-12 pt-6 sm:items-center sm:pt-0">
        <div className="w-full max-w-sm">
          <p className="mb-4 text-center text-sm text-muted">
            Your tasks, with an assistant that understands English and Urdu.
          </p>
          <div className={`${card} p-6 shadow-sm`}>
            <AuthForm mode={mode} onSuccess={goOn} />
          </div>
        </div>
      </main>
    </div>
  );
}
