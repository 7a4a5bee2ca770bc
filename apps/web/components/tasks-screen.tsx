'use client';
// The main screen: quick add, filters and the list, with the assistant beside it (a drawer on
// smaller screens).
import { useCallback, useMemo, useRef, useState } from 'react';
import { browserTimeZone, formatDue } from '../lib/dates';
import { card } from '../lib/styles';
import { isFiltered } from '../lib/task-view';
import type { Task, User } from '../lib/types';
import { useMediaQuery } from '../lib/use-media-query';
import { useReminders } from '../lib/use-reminders';
import { useTaskView } from '../lib/use-task-view';
import { useTasks } from '../lib/use-tasks';
import { AppHeader } from './app-header';
import { ChatDrawer } from './chat-drawer';
import { QuickAdd } from './quick-add';
import { ReminderBanner } from './reminder-banner';
import { ReminderToggle } from './reminder-toggle';
import { TaskCountsLine } from './task-counts-line';
import { TaskEditor } from './task-editor';
import { TaskList } from './task-list';
import { TaskToolbar } from './task-toolbar';
import { useToast } from './toast-provider';

export function TasksScreen({ user }: { user: User }) {
  const notify = useToast();
  const timeZone = useMemo(browserTimeZone, []);
  const [view, changeView] = useTaskView();
  const tasks = useTasks(view, timeZone, notify);
  const reminders = useReminders(timeZone, notify);
  const [editing, setEditing] = useState<Task>();
  const [chatOpen, setChatOpen] = useState(false);
  const wide = useMediaQuery('(min-width: 1024px)');
  const drawer = chatOpen && !wide;
  const quickAdd = useRef<HTMLInputElement>(null);

  const announceAdded = useCallback(
    (added: Task[]) => {
      const [first] = added;
      if (!first) return;
      const details = [
        first.due_at ? formatDue(first.due_at, new Date(), timeZone) : '',
        ...first.tags.map((tag) => `#${tag}`),
        first.priority !== 'none' ? `${first.priority} priority` : '',
      ].filter(Boolean);
      notify({
        message:
          added.length > 1
            ? `Added ${added.length} tasks`
            : `Added “${first.title}”${details.length ? ` · ${details.join(' · ')}` : ''}`,
      });
    },
    [notify, timeZone],
  );

  const { refresh } = tasks;
  const onTasksChanged = useCallback(() => void refresh(), [refresh]);
  const toggle = useCallback(
    (task: Task) => void tasks.setDone(task, !task.completed),
    [tasks.setDone],
  );
  const remove = useCallback((task: Task) => void tasks.remove(task), [tasks.remove]);
  const filterByTag = useCallback((tag: string) => changeView({ tag }), [changeView]);

  return (
    <div className="flex min-h-dvh flex-col lg:h-dvh">
      <div inert={drawer} className="contents">
        <AppHeader user={user}>
          <ReminderToggle {...reminders} notify={notify} />
        </AppHeader>
      </div>
      <div className="mx-auto flex min-h-0 w-full max-w-[1400px] flex-1">
        <main
          inert={drawer}
          className="min-w-0 flex-1 lg:overflow-y-auto"
          aria-labelledby="tasks-heading"
        >
          <div className="mx-auto max-w-3xl space-y-4 px-3 py-4 pb-24 sm:px-6 sm:py-6 lg:pb-6">
            <div>
              <h1 id="tasks-heading" className="text-2xl font-semibold">
                Tasks
              </h1>
              <TaskCountsLine counts={tasks.counts} />
            </div>
            <QuickAdd ref={quickAdd} onAdd={tasks.addFromLine} onAdded={announceAdded} />
            <ReminderBanner
              permission={reminders.permission}
              hasDueTasks={tasks.tasks.some((task) => task.due_at && !task.completed)}
              turnOn={reminders.turnOn}
            />
            <TaskToolbar
              view={view}
              counts={tasks.counts}
              tags={tasks.tags}
              onChange={changeView}
            />
            <div className={`${card} overflow-hidden`}>
              <TaskList
                tasks={tasks.tasks}
                total={tasks.total}
                loading={tasks.loading}
                loadError={tasks.loadError}
                filtered={isFiltered(view) || view.status !== 'all'}
                timeZone={timeZone}
                onRetry={onTasksChanged}
                onClearFilters={() =>
                  changeView({ q: '', priority: '', tag: '', due: '', status: 'all' })
                }
                onToggle={toggle}
                onEdit={setEditing}
                onDelete={remove}
                onTag={filterByTag}
              />
            </div>
          </div>
        </main>
        <ChatDrawer
          userId={user.id}
          timeZone={timeZone}
          open={chatOpen}
          wide={wide}
          onOpen={() => setChatOpen(true)}
          onClose={() => setChatOpen(false)}
          onTasksChanged={onTasksChanged}
        />
      </div>
      <TaskEditor
        task={editing}
        timeZone={timeZone}
        onClose={() => setEditing(undefined)}
        onSave={(task, patch) => void tasks.update(task, patch)}
        onDelete={remove}
      />
    </div>
  );
}
