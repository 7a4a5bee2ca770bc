'use client';
// The theme as three radio buttons, for the settings page.
import type { ThemeChoice } from '../lib/theme';
import { useTheme } from '../lib/use-theme';

const options: [ThemeChoice, string, string][] = [
  ['system', 'System', 'Follow your device'],
  ['light', 'Light', 'Dark text on light'],
  ['dark', 'Dark', 'Light text on dark'],
];

export function ThemeChooser() {
  const [choice, choose] = useTheme();
  return (
    <fieldset>
      <legend className="sr-only">Theme</legend>
      <div className="grid gap-2 sm:grid-cols-3">
        {options.map(([value, name, hint]) => (
          <label
            key={value}
            className={`flex cursor-pointer items-start gap-2 rounded-lg border p-3 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-focus ${
              choice === value
                ? 'border-accent bg-accent-soft text-accent-soft-fg'
                : 'border-line-strong'
            }`}
          >
            <input
              type="radio"
              name="theme"
              value={value}
              checked={choice === value}
              onChange={() => choose(value)}
              className="mt-1 accent-[var(--accent)]"
              data-testid={`theme-${value}`}
            />
            <span>
              <span className="block text-sm font-medium">{name}</span>
              <span className="block text-xs opacity-80">{hint}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
