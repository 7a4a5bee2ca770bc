'use client';
// Turns desktop reminders on: the permission prompt appears only when the user asks for it.
import type { Notify } from '../lib/notify';
import { iconButton } from '../lib/styles';
import type { ReminderPermission } from '../lib/use-reminders';
import { Icon } from './icon';

interface ReminderToggleProps {
  permission: ReminderPermission;
  enabled: boolean;
  turnOn: () => Promise<void>;
  setOn: (on: boolean) => void;
  notify: Notify;
}

export function ReminderToggle({
  permission,
  enabled,
  turnOn,
  setOn,
  notify,
}: ReminderToggleProps) {
  if (permission === 'unsupported') return null;
  const on = permission === 'granted' && enabled;
  const state = permission === 'denied' ? 'blocked by the browser' : on ? 'on' : 'off';

  function click() {
    if (permission === 'denied') {
      notify({
        tone: 'error',
        message:
          'Notifications are blocked for this site. Allow them in your browser’s site settings.',
      });
    } else if (permission === 'default') {
      void turnOn();
    } else {
      setOn(!enabled);
      notify({ message: enabled ? 'Desktop reminders off.' : 'Desktop reminders on.' });
    }
  }

  return (
    <button
      type="button"
      className={`${iconButton} ${on ? 'text-accent' : ''}`}
      aria-label="Desktop reminders"
      title={`Desktop reminders: ${state}`}
      aria-pressed={on}
      onClick={click}
      data-testid="reminder-toggle"
    >
      <Icon name="bell" />
    </button>
  );
}
