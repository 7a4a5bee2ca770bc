'use client';
// A labelled native select: the browser's own keyboard and screen-reader support, our styling.
import { useId } from 'react';
import { field } from '../lib/styles';

interface SelectProps {
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
  testId?: string;
  hideLabel?: boolean;
}

export function Select({
  label,
  value,
  options,
  onChange,
  testId,
  hideLabel = false,
}: SelectProps) {
  const id = useId();
  return (
    <div>
      <label
        htmlFor={id}
        className={hideLabel ? 'sr-only' : 'mb-1 block text-xs font-medium text-muted'}
      >
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid={testId}
        className={`${field} pr-8`}
      >
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}
