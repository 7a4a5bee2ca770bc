'use client';
// One button that steps through light, dark and the system setting.
import { iconButton } from '../lib/styles';
import type { ThemeChoice } from '../lib/theme';
import { useTheme } from '../lib/use-theme';
import { Icon } from './icon';

const order: ThemeChoice[] = ['system', 'light', 'dark'];
const names: Record<ThemeChoice, string> = { system: 'system', light: 'light', dark: 'dark' };
const icons = { system: 'monitor', light: 'sun', dark: 'moon' } as const;

export function ThemeToggle() {
  const [choice, choose] = useTheme();
  const next = order[(order.indexOf(choice) + 1) % order.length] ?? 'system';
  return (
    <button
      type="button"
      className={iconButton}
      onClick={() => choose(next)}
      aria-label={`Theme: ${names[choice]}. Switch to ${names[next]}`}
      title={`Theme: ${names[choice]}`}
      data-testid="theme-toggle"
    >
      <Icon name={icons[choice]} />
    </button>
  );
}
