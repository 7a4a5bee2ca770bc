'use client';
// The bar across the top: home, page actions, theme, settings, and signing out.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type ReactNode, useState } from 'react';
import { describeError } from '../lib/api-client';
import { signOut } from '../lib/auth-api';
import { iconButton } from '../lib/styles';
import type { User } from '../lib/types';
import { Brand } from './brand';
import { Icon } from './icon';
import { ThemeToggle } from './theme-toggle';
import { useToast } from './toast-provider';

export function AppHeader({ user, children }: { user: User; children?: ReactNode }) {
  const router = useRouter();
  const notify = useToast();
  const [leaving, setLeaving] = useState(false);

  async function leave() {
    setLeaving(true);
    try {
      await signOut();
      router.replace('/sign-in');
    } catch (error) {
      setLeaving(false);
      notify({ tone: 'error', message: `Could not sign out: ${describeError(error)}` });
    }
  }

  return (
    <header className="sticky top-0 z-30 border-b border-line bg-surface/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-[1400px] items-center gap-1 px-3 sm:px-4">
        <Brand />
        <div className="flex-1" />
        {children}
        <ThemeToggle />
        <Link
          href="/settings"
          className={iconButton}
          aria-label="Settings"
          title="Settings"
          data-testid="settings-link"
        >
          <Icon name="settings" />
        </Link>
        <span
          className="hidden max-w-40 truncate px-2 text-sm text-muted md:inline"
          data-testid="user-name"
        >
          {user.name || user.email}
        </span>
        <button
          type="button"
          className={iconButton}
          onClick={leave}
          disabled={leaving}
          aria-label="Sign out"
          title="Sign out"
          data-testid="sign-out"
        >
          <Icon name="logout" />
        </button>
      </div>
    </header>
  );
}
