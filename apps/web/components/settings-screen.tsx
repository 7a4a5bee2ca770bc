'use client';
// Settings: appearance, reminders, which model answers chat, and tokens for MCP clients.
import Link from 'next/link';
import { type ReactNode, useMemo } from 'react';
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
        <SettingsSection id="appearance" title="Appearance">
          <ThemeChooser />
        </SettingsSection>
        <SettingsSection id="reminders" title="Reminders">
          <ReminderSettings {...reminders} />
        </SettingsSection>
        <SettingsSection id="assistant" title="Assistant">
          <AssistantInfoCard />
        </SettingsSection>
        <SettingsSection id="tokens" title="API tokens for MCP clients" lead>
          <p className="mb-4 text-sm text-muted">
            Let Cursor, Claude Desktop or another MCP client manage your tasks. Each token acts as
            you; revoke it when you stop using that client.
          </p>
          <TokenManager />
        </SettingsSection>
      </main>
    </div>
  );
}

/** A card with a heading; `lead` when a paragraph follows the heading closely. */
function SettingsSection({
  id,
  title,
  lead = false,
  children,
}: {
  id: string;
  title: string;
  lead?: boolean;
  children: ReactNode;
}) {
  return (
    <section className={`${card} p-4 sm:p-6`} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className={`${lead ? 'mb-1' : 'mb-3'} text-lg font-semibold`}>
        {title}
      </h2>
      {children}
    </section>
  );
}
