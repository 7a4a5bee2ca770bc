'use client';
// Reminder status in words, with the one action that makes sense for it.
import { primaryButton, secondaryButton } from '../lib/styles';
import type { ReminderPermission } from '../lib/use-reminders';

interface ReminderSettingsProps {
  permission: ReminderPermission;
  enabled: boolean;
  turnOn: () => Promise<void>;
  setOn: (on: boolean) => void;
}

export function ReminderSettings({ permission, enabled, turnOn, setOn }: ReminderSettingsProps) {
  const intro = (
    <p className="mb-3 text-sm text-muted">
      While the app is open, a task’s reminder (or, without one, its due time) shows a notice here
      and, if you allow it, a desktop notification.
    </p>
  );
  if (permission === 'unsupported') {
    return (
      <>
        {intro}
        <p className="text-sm">
          This browser has no desktop notifications; reminders appear in the app.
        </p>
      </>
    );
  }
  if (permission === 'denied') {
    return (
      <>
        {intro}
        <p className="text-sm">
          Notifications are blocked for this site. Allow them in your browser’s site settings, then
          reload.
        </p>
      </>
    );
  }
  if (permission === 'default') {
    return (
      <>
        {intro}
        <button type="button" className={primaryButton} onClick={() => void turnOn()}>
          Turn on desktop notifications
        </button>
      </>
    );
  }
  return (
    <>
      {intro}
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm">Desktop notifications are {enabled ? 'on' : 'off'}.</p>
        <button type="button" className={secondaryButton} onClick={() => setOn(!enabled)}>
          {enabled ? 'Turn off' : 'Turn on'}
        </button>
      </div>
    </>
  );
}
