'use client';
// Shows its children only to a signed-in user; everyone else is sent to sign in.
import { useRouter } from 'next/navigation';
import { type ReactNode, useEffect } from 'react';
import { onUnauthorized } from '../lib/api-client';
import { signInPath } from '../lib/redirect';
import { secondaryButton } from '../lib/styles';
import type { User } from '../lib/types';
import { useSession } from '../lib/use-session';
import { FullPageMessage } from './full-page-message';

export function AuthGate({ children }: { children: (user: User) => ReactNode }) {
  const [session, retry] = useSession();
  const router = useRouter();

  useEffect(() => {
    const toSignIn = () =>
      router.replace(signInPath(window.location.pathname + window.location.search));
    if (session.status === 'anonymous') toSignIn();
    // A session that ends while the page is open (signed out elsewhere, expired) lands here too.
    onUnauthorized(toSignIn);
    return () => onUnauthorized(undefined);
  }, [session.status, router]);

  if (session.status === 'signed-in') return children(session.user);
  if (session.status === 'error') {
    return (
      <FullPageMessage title="Cannot reach the server">
        <p className="text-muted">{session.message}</p>
        <button type="button" className={secondaryButton} onClick={retry}>
          Try again
        </button>
      </FullPageMessage>
    );
  }
  return <FullPageMessage title="Loading…" busy />;
}
