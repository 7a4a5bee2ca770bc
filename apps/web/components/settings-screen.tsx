'use client';
// Settings: appearance, reminders, which model answers chat, and tokens for MCP clients.
import Link from 'next/link';
import { useMemo } from 'react';
import { browserTimeZone } from '../lib/dates';
import { card } from '../lib/styles';
import type { User } from '../lib/types';
import { useReminders } from '../lib/use-reminders';
import { AppHeader } from './app-header';
import { AssistantInfoCard } from './assistant-info-card';
import { Icon } from './icon';
import { ReminderSettings } from './reminder-settings';
import { ThemeChooser } from './theme-chooser';
import { useToast } from './toast-provider';
import { TokenManager } from './token-manager';

export function SettingsScreen({ user }: { user: User }) {
  const notify = useToast();
  const timeZone = useMemo(browserTimeZone, []);
  const reminders = useReminders(timeZone, notify);
  const section = `${card} p-4 sm:p-6`;
  return (
    <div className="min-h-dvh">
      <title>Settings · Todo Chatbot</title>
      <AppHeader user={user} />
      <main
        className="mx-auto max-w-3xl space-y-6 px-3 py-6 sm:px-6"
        aria-labelledby="settings-heading"
      >
        <div>
          <Link
            href="/"
            className="inline-flex items-center gap-1 rounded text-sm font-medium text-accent underline-offset-2 hover:underline"
          >
            <Icon name="arrowLeft" className="size-4" />
            Back to tasks
          </Link>
          <h1 id="settings-heading" className="mt-2 text-2xl font-semibold">
            Settings
          </h1>
          <p className="text-sm text-muted">
            Signed in as <span className="font-medium text-fg">{user.email}</span>
          </p>
        </div>
        <section className={section} aria-labelledby="appearance-heading">
          <h2 id="appearance-heading" className="mb-3 text-lg font-semibold">
            Appearance
          </h2>
          <ThemeChooser />
        </section>
        <section className={section} aria-labelledby="reminders-heading">
          <h2 id="reminders-heading" className="mb-3 text-lg font-semibold">
            Reminders
          </h2>
          <ReminderSettings {...reminders} />
        </section>
        <section className={section} aria-labelledby="assistant-heading">
          <h2 id="assistant-heading" className="mb-3 text-lg font-semibold">
            Assistant
          </h2>
          <AssistantInfoCard />
        </section>
        <section className={section} aria-labelledby="tokens-heading">
          <h2 id="tokens-heading" className="mb-1 text-lg font-semibold">
            API tokens for MCP clients
          </h2>
          <p className="mb-4 text-sm text-muted">
            Let Cursor, Claude Desktop or another MCP client manage your tasks. Each token acts as
            you; revoke it when you stop using that client.
          </p>
          <TokenManager />
        </section>
      </main>
    </div>
  );
}
