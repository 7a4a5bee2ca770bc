'use client';
// One line to add tasks, read by the assistant's own language engine: dates, #tags, priority
// words and repeats, in English, Urdu or Roman Urdu.
import { type FormEvent, type Ref, useState } from 'react';
import { describeError } from '../lib/api-client';
import { field, primaryButton } from '../lib/styles';
import type { Task } from '../lib/types';
import { Icon } from './icon';

interface QuickAddProps {
  onAdd: (text: string) => Promise<Task[]>;
  onAdded: (tasks: Task[]) => void;
  ref?: Ref<HTMLInputElement>;
}

export function QuickAdd({ onAdd, onAdded, ref }: QuickAddProps) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const line = text.trim();
    if (!line || busy) return;
    setBusy(true);
    setError('');
    try {
      const added = await onAdd(line);
      setText('');
      onAdded(added);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-1.5" data-testid="quick-add">
      <label htmlFor="quick-add-input" className="sr-only">
        Add a task
      </label>
      <div className="flex gap-2">
        <input
          ref={ref}
          id="quick-add-input"
          data-testid="quick-add-input"
          dir="auto"
          autoComplete="off"
          enterKeyHint="done"
          maxLength={500}
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="Add a task"
          aria-describedby="quick-add-hint quick-add-error"
          aria-invalid={error ? true : undefined}
          className={`${field} py-2.5 text-base sm:text-sm`}
        />
        <button
          type="submit"
          className={`${primaryButton} shrink-0`}
          disabled={busy || !text.trim()}
          data-testid="quick-add-submit"
        >
          <Icon name="plus" className="size-4" />
          <span>{busy ? 'Adding…' : 'Add'}</span>
        </button>
      </div>
      <p id="quick-add-hint" className="text-xs text-muted">
        Try “Pay rent Friday 9am #home high priority”: dates, #tags, priority and repeats (“every
        Monday”) are understood, in English or Urdu.
      </p>
      <p id="quick-add-error" role="alert" className="text-sm text-danger empty:hidden">
        {error}
      </p>
    </form>
  );
}
