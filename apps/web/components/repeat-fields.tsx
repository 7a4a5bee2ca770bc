'use client';
// How a task repeats: a frequency, and the weekdays or the number of days it needs.
import { WEEKDAYS } from '@todo-chatbot/contract/vocabulary';
import type { RepeatForm, RepeatKind } from '../lib/recurrence';
import { weekdayName } from '../lib/recurrence';
import { field, label } from '../lib/styles';

const kinds: [RepeatKind, string][] = [
  ['none', 'Does not repeat'],
  ['daily', 'Every day'],
  ['weekly', 'Every week'],
  ['monthly', 'Every month'],
  ['every_n_days', 'Every few days'],
];

interface RepeatFieldsProps {
  value: RepeatForm;
  onChange: (value: RepeatForm) => void;
  problem: string | undefined;
  idPrefix: string;
}

export function RepeatFields({ value, onChange, problem, idPrefix }: RepeatFieldsProps) {
  return (
    <fieldset>
      <legend className={label}>Repeat</legend>
      <div className="mt-1 space-y-2">
        <label htmlFor={idPrefix} className="sr-only">
          How often
        </label>
        <select
          id={idPrefix}
          value={value.kind}
          onChange={(event) => onChange({ ...value, kind: event.target.value as RepeatKind })}
          data-testid="editor-repeat"
          className={field}
        >
          {kinds.map(([kind, name]) => (
            <option key={kind} value={kind}>
              {name}
            </option>
          ))}
        </select>
        {value.kind === 'weekly' && (
          <fieldset className="flex flex-wrap gap-1.5">
            <legend className="sr-only">On these days (none: the due date’s weekday)</legend>
            {WEEKDAYS.map((day) => {
              const checked = value.weekdays.includes(day);
              return (
                <label
                  key={day}
                  className={`flex cursor-pointer items-center gap-1 rounded-md border px-2.5 py-1.5 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-focus ${
                    checked
                      ? 'border-accent bg-accent-soft text-accent-soft-fg'
                      : 'border-line-strong'
                  }`}
                >
                  <input
                    type="checkbox"
                    className="sr-only"
                    checked={checked}
                    onChange={() =>
                      onChange({
                        ...value,
                        weekdays: WEEKDAYS.filter((other) =>
                          other === day ? !checked : value.weekdays.includes(other),
                        ),
                      })
                    }
                  />
                  {weekdayName(day)}
                </label>
              );
            })}
          </fieldset>
        )}
        {value.kind === 'every_n_days' && (
          <div className="flex items-center gap-2 text-sm">
            <label htmlFor={`${idPrefix}-interval`}>Every</label>
            <input
              id={`${idPrefix}-interval`}
              type="number"
              min={1}
              max={365}
              value={Number.isFinite(value.interval) ? value.interval : ''}
              onChange={(event) => onChange({ ...value, interval: event.target.valueAsNumber })}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${idPrefix}-problem` : undefined}
              className={`${field} w-20`}
            />
            <span>days</span>
          </div>
        )}
        {problem && (
          <p id={`${idPrefix}-problem`} className="text-sm text-danger">
            {problem}
          </p>
        )}
      </div>
    </fieldset>
  );
}
