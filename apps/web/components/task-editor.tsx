'use client';
// Everything about one task: title, notes, priority, tags, due date and time, reminder, repeat.
import { DESCRIPTION_MAX, PRIORITIES, TITLE_MAX } from '@todo-chatbot/contract/vocabulary';
import { type FormEvent, useId, useState } from 'react';
import { reminderChoices } from '../lib/reminder-options';
import { dangerButton, field, label, primaryButton, secondaryButton } from '../lib/styles';
import {
  formFromTask,
  patchFromForm,
  type TaskForm,
  type TaskFormProblems,
  validateTaskForm,
} from '../lib/task-form';
import type { Task, TaskPatch } from '../lib/types';
import { Dialog } from './dialog';
import { RepeatFields } from './repeat-fields';

interface TaskEditorProps {
  task: Task | undefined;
  timeZone: string;
  onClose: () => void;
  onSave: (task: Task, patch: TaskPatch) => void;
  onDelete: (task: Task) => void;
}

const priorityNames = { none: 'None', low: 'Low', medium: 'Medium', high: 'High' };

export function TaskEditor({ task, timeZone, onClose, onSave, onDelete }: TaskEditorProps) {
  const id = useId();
  const [form, setForm] = useState<TaskForm>();
  const [problems, setProblems] = useState<TaskFormProblems>({});
  const [formFor, setFormFor] = useState<Task>();

  // Reset during render, not in an effect, so the dialog opens with its fields already there.
  if (task !== formFor) {
    setFormFor(task);
    setForm(task ? formFromTask(task, timeZone) : undefined);
    setProblems({});
  }

  const set = <K extends keyof TaskForm>(key: K, value: TaskForm[K]) =>
    setForm((current) => (current ? { ...current, [key]: value } : current));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!task || !form) return;
    const found = validateTaskForm(form);
    setProblems(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    const patch = patchFromForm(task, form, timeZone);
    if (Object.keys(patch).length > 0) onSave(task, patch);
    onClose();
  }

  const problem = (key: keyof TaskFormProblems) =>
    problems[key] ? (
      <p id={`${id}-${key}-problem`} className="mt-1 text-sm text-danger">
        {problems[key]}
      </p>
    ) : null;
  const describedBy = (key: keyof TaskFormProblems, hint?: string) =>
    [hint, problems[key] ? `${id}-${key}-problem` : undefined].filter(Boolean).join(' ') ||
    undefined;

  return (
    <Dialog open={Boolean(task)} title="Edit task" onClose={onClose} testId="task-editor">
      {task && form && (
        <form onSubmit={submit} noValidate className="flex min-h-0 flex-1 flex-col">
          <div className="min-h-0 flex-1 space-y-4 overflow-y-auto px-4 py-4">
            <div>
              <label htmlFor={`${id}-title`} className={label}>
                Title
              </label>
              <input
                id={`${id}-title`}
                dir="auto"
                value={form.title}
                maxLength={TITLE_MAX + 50}
                onChange={(event) => set('title', event.target.value)}
                aria-invalid={problems.title ? true : undefined}
                aria-describedby={describedBy('title')}
                data-testid="editor-title"
                data-autofocus
                className={`${field} mt-1`}
              />
              {problem('title')}
            </div>
            <div>
              <label htmlFor={`${id}-description`} className={label}>
                Notes
              </label>
              <textarea
                id={`${id}-description`}
                dir="auto"
                rows={3}
                value={form.description}
                maxLength={DESCRIPTION_MAX}
                onChange={(event) => set('description', event.target.value)}
                aria-describedby={describedBy('description')}
                data-testid="editor-description"
                className={`${field} mt-1`}
              />
              {problem('description')}
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              <div>
                <label htmlFor={`${id}-priority`} className={label}>
                  Priority
                </label>
                <select
                  id={`${id}-priority`}
                  value={form.priority}
                  onChange={(event) => set('priority', event.target.value as TaskForm['priority'])}
                  data-testid="editor-priority"
                  className={`${field} mt-1`}
                >
                  {PRIORITIES.map((value) => (
                    <option key={value} value={value}>
                      {priorityNames[value]}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor={`${id}-tags`} className={label}>
                  Tags
                </label>
                <input
                  id={`${id}-tags`}
                  value={form.tags}
                  onChange={(event) => set('tags', event.target.value)}
                  placeholder="#home #errands"
                  aria-invalid={problems.tags ? true : undefined}
                  aria-describedby={describedBy('tags')}
                  data-testid="editor-tags"
                  className={`${field} mt-1`}
                />
                {problem('tags')}
              </div>
            </div>
            <fieldset>
              <legend className={label}>Due</legend>
              <div className="mt-1 grid grid-cols-[1fr_auto] gap-2 sm:grid-cols-[1fr_9rem_auto]">
                <label htmlFor={`${id}-due-date`} className="sr-only">
                  Due date
                </label>
                <input
                  id={`${id}-due-date`}
                  type="date"
                  value={form.dueDate}
                  onChange={(event) => set('dueDate', event.target.value)}
                  data-testid="editor-due-date"
                  className={`${field} col-span-2 sm:col-span-1`}
                />
                <label htmlFor={`${id}-due-time`} className="sr-only">
                  Due time
                </label>
                <input
                  id={`${id}-due-time`}
                  type="time"
                  value={form.dueTime}
                  onChange={(event) => set('dueTime', event.target.value)}
                  disabled={!form.dueDate}
                  data-testid="editor-due-time"
                  className={field}
                />
                {form.dueDate && (
                  <button
                    type="button"
                    className={secondaryButton}
                    onClick={() => setForm({ ...form, dueDate: '', dueTime: '' })}
                  >
                    Clear
                  </button>
                )}
              </div>
            </fieldset>
            <fieldset>
              <legend className={label}>Reminder</legend>
              <div className="mt-1 space-y-2">
                <label htmlFor={`${id}-reminder`} className="sr-only">
                  When to remind you
                </label>
                <select
                  id={`${id}-reminder`}
                  value={form.reminder}
                  onChange={(event) => set('reminder', event.target.value as TaskForm['reminder'])}
                  aria-invalid={problems.reminder ? true : undefined}
                  aria-describedby={describedBy('reminder')}
                  data-testid="editor-reminder"
                  className={field}
                >
                  {reminderChoices.map((choice) => (
                    <option key={choice.value} value={choice.value}>
                      {choice.label}
                    </option>
                  ))}
                </select>
                {form.reminder === 'custom' && (
                  <div className="grid gap-2 sm:grid-cols-[1fr_9rem]">
                    <label htmlFor={`${id}-remind-date`} className="sr-only">
                      Reminder date
                    </label>
                    <input
                      id={`${id}-remind-date`}
                      type="date"
                      value={form.remindDate}
                      onChange={(event) => set('remindDate', event.target.value)}
                      className={field}
                    />
                    <label htmlFor={`${id}-remind-time`} className="sr-only">
                      Reminder time
                    </label>
                    <input
                      id={`${id}-remind-time`}
                      type="time"
                      value={form.remindTime}
                      onChange={(event) => set('remindTime', event.target.value)}
                      className={field}
                    />
                  </div>
                )}
                {problem('reminder')}
              </div>
            </fieldset>
            <RepeatFields
              value={form.repeat}
              onChange={(repeat) => set('repeat', repeat)}
              problem={problems.repeat}
              idPrefix={`${id}-repeat`}
            />
          </div>
          <div className="flex flex-wrap items-center justify-between gap-2 border-t border-line px-4 py-3">
            <button
              type="button"
              className={dangerButton}
              onClick={() => {
                onDelete(task);
                onClose();
              }}
              data-testid="editor-delete"
            >
              Delete
            </button>
            <div className="flex gap-2">
              <button type="button" className={secondaryButton} onClick={onClose}>
                Cancel
              </button>
              <button type="submit" className={primaryButton} data-testid="editor-save">
                Save
              </button>
            </div>
          </div>
        </form>
      )}
    </Dialog>
  );
}
