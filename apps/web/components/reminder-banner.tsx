'use client';
// Offers reminders once a user has something due; the browser prompt opens only on their click.
import { useEffect, useState } from 'react';
import { iconButton, primaryButton } from '../lib/styles';
import type { ReminderPermission } from '../lib/use-reminders';
import { Icon } from './icon';

const DISMISSED_KEY = 'todo-reminder-offer';

export function ReminderBanner({
  permission,
  hasDueTasks,
  turnOn,
}: {
  permission: ReminderPermission;
  hasDueTasks: boolean;
  turnOn: () => Promise<void>;
}) {
  const [dismissed, setDismissed] = useState(true);
  useEffect(() => setDismissed(localStorage.getItem(DISMISSED_KEY) === 'dismissed'), []);

  if (dismissed || permission !== 'default' || !hasDueTasks) return null;
  const dismiss = () => {
    localStorage.setItem(DISMISSED_KEY, 'dismissed');
    setDismissed(true);
  };
  return (
    <section
      aria-label="Reminders"
      className="flex items-center gap-3 rounded-lg border border-line bg-accent-soft px-3 py-2 text-sm text-accent-soft-fg"
      data-testid="reminder-banner"
    >
      <Icon name="bell" className="size-5 shrink-0" />
      <p className="min-w-0 flex-1">
        Get a notification when a task is due while this page is open.
      </p>
      <button
        type="button"
        className={`${primaryButton} shrink-0 py-1.5`}
        onClick={() => void turnOn().then(dismiss)}
      >
        Turn on
      </button>
      <button
        type="button"
        className={`${iconButton} text-accent-soft-fg`}
        onClick={dismiss}
        aria-label="Not now"
      >
        <Icon name="close" className="size-4" />
      </button>
    </section>
  );
}
