// A small label under an assistant reply saying what it changed in the task list.
import { summarizeToolCall } from '../lib/tool-calls';
import type { ToolCall } from '../lib/types';
import { Icon, type IconName } from './icon';

const looks: Record<string, [IconName, string]> = {
  added: ['plus', 'bg-ok-soft text-ok-soft-fg'],
  completed: ['check', 'bg-ok-soft text-ok-soft-fg'],
  reopened: ['repeat', 'bg-info-soft text-info-soft-fg'],
  updated: ['edit', 'bg-info-soft text-info-soft-fg'],
  deleted: ['trash', 'bg-warn-soft text-warn-soft-fg'],
  listed: ['search', 'bg-surface-2 text-muted'],
  failed: ['close', 'bg-danger-soft text-danger-soft-fg'],
  other: ['sparkle', 'bg-surface-2 text-muted'],
};

export function ToolCallChip({ call }: { call: ToolCall }) {
  const summary = summarizeToolCall(call);
  const [icon, colors] = looks[summary.kind] ?? ['sparkle', 'bg-surface-2 text-muted'];
  return (
    <li
      data-testid="tool-chip"
      data-kind={summary.kind}
      className={`inline-flex max-w-full items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ${colors}`}
    >
      <Icon name={icon} className="size-3.5 shrink-0" />
      <span dir="auto" className="truncate">
        {summary.label}
      </span>
    </li>
  );
}
