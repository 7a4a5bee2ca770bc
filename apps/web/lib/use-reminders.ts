'use client';
// Reminders while the app is open: a browser notification (once the user allows it) and a toast.
import { useCallback, useEffect, useState } from 'react';
import { formatDue } from './dates';
import type { Notify } from './notify';
import { dueReminders, nextReminderDelay, reminderKey } from './reminders';
import { listTasks } from './tasks-api';
import type { Task } from './types';

export type ReminderPermission = 'unsupported' | NotificationPermission;

const ENABLED_KEY = 'todo-reminders';
const NOTIFIED_KEY = 'todo-reminded';
const POLL_MS = 30_000;

function readNotified(): Set<string> {
  try {
    return new Set(JSON.parse(localStorage.getItem(NOTIFIED_KEY) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

function saveNotified(keys: Set<string>): void {
  try {
    // The newest few hundred are plenty; each key names one task's one reminder time.
    localStorage.setItem(NOTIFIED_KEY, JSON.stringify([...keys].slice(-300)));
  } catch {
    // Without storage a reload may repeat a reminder from the last ten minutes; harmless.
  }
}

export function useReminders(timeZone: string, notify: Notify) {
  const [permission, setPermission] = useState<ReminderPermission>('unsupported');
  const [enabled, setEnabled] = useState(true);

  useEffect(() => {
    setPermission('Notification' in window ? Notification.permission : 'unsupported');
    setEnabled(localStorage.getItem(ENABLED_KEY) !== 'off');
  }, []);

  const ring = useCallback(
    (task: Task) => {
      const at = task.due_at ? formatDue(task.due_at, new Date(), timeZone) : '';
      notify({ message: `Reminder: ${task.title}${at ? ` (due ${at})` : ''}`, duration: 10_000 });
      if (enabled && permission === 'granted') {
        try {
          new Notification(task.title, {
            body: at ? `Due ${at}` : 'Reminder',
            tag: reminderKey(task),
          });
        } catch {
          // Some mobile browsers allow notifications only from a service worker; the toast stands.
        }
      }
    },
    [enabled, permission, notify, timeZone],
  );

  useEffect(() => {
    let stopped = false;
    let precise: ReturnType<typeof setTimeout> | undefined;
    async function check() {
      let tasks: Task[];
      try {
        tasks = (await listTasks({ status: 'pending', sort: 'due', limit: 200, tz: timeZone }))
          .tasks;
      } catch {
        return;
      }
      if (stopped) return;
      const notified = readNotified();
      for (const task of dueReminders(tasks, new Date(), notified)) {
        notified.add(reminderKey(task));
        ring(task);
      }
      saveNotified(notified);
      clearTimeout(precise);
      const delay = nextReminderDelay(tasks, new Date(), POLL_MS);
      if (delay !== undefined) precise = setTimeout(check, delay + 250);
    }
    void check();
    const poll = setInterval(check, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(poll);
      clearTimeout(precise);
    };
  }, [ring, timeZone]);

  const turnOn = useCallback(async () => {
    if (!('Notification' in window)) return;
    const answer = await Notification.requestPermission();
    setPermission(answer);
    if (answer === 'granted') {
      localStorage.setItem(ENABLED_KEY, 'on');
      setEnabled(true);
    }
  }, []);

  const setOn = useCallback((on: boolean) => {
    localStorage.setItem(ENABLED_KEY, on ? 'on' : 'off');
    setEnabled(on);
  }, []);

  return { permission, enabled, turnOn, setOn };
}
