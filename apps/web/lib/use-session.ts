'use client';
// Who is signed in, asked of the server once per page (the session cookie is HttpOnly).
import { useCallback, useEffect, useState } from 'react';
import { describeError } from './api-client';
import { getSession } from './auth-api';
import type { User } from './types';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'signed-in'; user: User }
  | { status: 'error'; message: string };

export function useSession(): [SessionState, () => void] {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const load = useCallback(() => {
    setState({ status: 'loading' });
    getSession()
      .then((session) =>
        setState(
          session?.user ? { status: 'signed-in', user: session.user } : { status: 'anonymous' },
        ),
      )
      .catch((error: unknown) => setState({ status: 'error', message: describeError(error) }));
  }, []);

  useEffect(load, [load]);
  return [state, load];
}
