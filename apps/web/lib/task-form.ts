// The task editor's fields, their checks, and the smallest patch that saves them.

import { DESCRIPTION_MAX, TAG_MAX_LENGTH, TITLE_MAX } from '@todo-chatbot/contract/vocabulary';
import { fromDateTimeInputs, toDateTimeInputs } from './dates';
import { fromRepeatForm, type RepeatForm, toRepeatForm } from './recurrence';
import { type ReminderChoice, reminderChoice, reminderInstant } from './reminder-options';
import type { Priority, Task, TaskPatch } from './types';

const TAG_PATTERN = new RegExp(`^[\\p{L}\\p{N}_-]{1,${TAG_MAX_LENGTH}}$`, 'u');

export interface TaskForm {
  title: string;
  description: string;
  priority: Priority;
  tags: string;
  dueDate: string;
  dueTime: string;
  reminder: ReminderChoice;
  remindDate: string;
  remindTime: string;
  repeat: RepeatForm;
}

export type TaskFormProblems = Partial<
  Record<'title' | 'description' | 'tags' | 'reminder' | 'repeat', string>
>;

export function formFromTask(task: Task, timeZone: string): TaskForm {
  const due = toDateTimeInputs(task.due_at, timeZone);
  const remind = toDateTimeInputs(task.remind_at, timeZone);
  return {
    title: task.title,
    description: task.description,
    priority: task.priority,
    tags: task.tags.map((tag) => `#${tag}`).join(' '),
    dueDate: due.date,
    dueTime: due.time,
    reminder: reminderChoice(task.remind_at, task.due_at),
    remindDate: remind.date,
    remindTime: remind.time,
    repeat: toRepeatForm(task.recurrence),
  };
}

/** "#home, Errands  work" → ["home", "errands", "work"]. */
export function parseTags(raw: string): string[] {
  const tags = raw
    .split(/[\s,]+/)
    .map((tag) => tag.replace(/^#+/, '').toLowerCase())
    .filter(Boolean);
  return [...new Set(tags)];
}

export function validateTaskForm(form: TaskForm): TaskFormProblems {
  const problems: TaskFormProblems = {};
  if (!form.title.trim()) problems.title = 'Give the task a title.';
  else if (form.title.trim().length > TITLE_MAX) {
    problems.title = `Keep the title under ${TITLE_MAX} characters.`;
  }
  if (form.description.length > DESCRIPTION_MAX) {
    problems.description = `Keep the notes under ${DESCRIPTION_MAX} characters.`;
  }
  const tags = parseTags(form.tags);
  const bad = tags.find((tag) => !TAG_PATTERN.test(tag));
  if (bad) problems.tags = `“${bad}” is not a valid tag: use letters, digits, - and _ (up to 32).`;
  else if (tags.length > 20) problems.tags = 'Use at most 20 tags.';
  if (form.reminder === 'custom' && !form.remindDate) {
    problems.reminder = 'Pick the day to be reminded on.';
  } else if (!['none', 'custom'].includes(form.reminder) && !form.dueDate) {
    problems.reminder = 'Set a due date first, or choose a custom reminder time.';
  }
  if (
    form.repeat.kind === 'every_n_days' &&
    !(form.repeat.interval >= 1 && form.repeat.interval <= 365)
  ) {
    problems.repeat = 'Repeat every 1 to 365 days.';
  }
  return problems;
}

/** Only the fields that changed, so an edit never overwrites what it did not touch. */
export function patchFromForm(task: Task, form: TaskForm, timeZone: string): TaskPatch {
  const patch: TaskPatch = {};
  const title = form.title.trim();
  if (title !== task.title) patch.title = title;
  if (form.description !== task.description) patch.description = form.description;
  if (form.priority !== task.priority) patch.priority = form.priority;
  const tags = parseTags(form.tags);
  if (tags.join(' ') !== task.tags.join(' ')) patch.tags = tags;
  const dueAt = fromDateTimeInputs(form.dueDate, form.dueTime, timeZone);
  if (!sameInstant(dueAt, task.due_at)) patch.due_at = dueAt;
  const customAt = fromDateTimeInputs(form.remindDate, form.remindTime, timeZone);
  const remindAt = reminderInstant(form.reminder, dueAt, customAt);
  if (!sameInstant(remindAt, task.remind_at)) patch.remind_at = remindAt;
  const before = JSON.stringify(toRepeatForm(task.recurrence));
  if (JSON.stringify(form.repeat) !== before)
    patch.recurrence = fromRepeatForm(form.repeat, timeZone);
  return patch;
}

function sameInstant(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return new Date(a).getTime() === new Date(b).getTime();
}
