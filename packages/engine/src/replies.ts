// Confirmations after tool calls: what was added, done or changed, and what was not found.
import type { Recurrence } from '@todo-chatbot/contract';
import type { Priority } from '@todo-chatbot/contract/vocabulary';
import type { ActIntent, Resolved } from './conversation.ts';
import { formatDate, formatDetails, formatPriority, formatRecurrence } from './format.ts';
import { errorText, parseActionResult, type Step } from './history.ts';
import { messages } from './messages.ts';
import type { Language, TimeContext } from './types.ts';

/** Either "Added "Buy milk" (due …)." or a bulleted summary of several tasks. */
export function addedReply(steps: Step[], lang: Language, ctx: TimeContext): string {
  const m = messages[lang];
  const separator = lang === 'ur' ? '، ' : ', ';
  const added: { title: string; details: string[] }[] = [];
  // One line per distinct error: a full task list refuses every add of the turn alike.
  const failures = new Map<string, string[]>();
  for (const step of steps) {
    const result = parseActionResult(step.output);
    const title = result?.title || String(step.arguments.title ?? '');
    if (!result) {
      const error = errorText(step.output ?? '');
      failures.set(error, [...(failures.get(error) ?? []), `"${title}"`]);
      continue;
    }
    const args = step.arguments as {
      due_at?: string;
      priority?: Priority;
      tags?: string[];
      recurrence?: Recurrence;
    };
    added.push({ title, details: formatDetails(args, lang, ctx) });
  }
  const [only] = added;
  if (only && added.length === 1 && failures.size === 0) return m.added(only.title, only.details);
  const lines = added.map(({ title, details }) =>
    details.length > 0 ? `"${title}" (${details.join(separator)})` : `"${title}"`,
  );
  const failed = [...failures].map(
    ([error, titles]) => `${titles.join(separator)}: ${m.failed(error)}`,
  );
  return [lines.length > 0 ? m.addedMany(lines) : '', ...failed].filter(Boolean).join('\n');
}

/** What an update changed, in words: "due Fri 27 Nov, 9:00 AM, high priority". */
function changeDetails(args: Record<string, unknown>, lang: Language, ctx: TimeContext): string[] {
  const m = messages[lang];
  const details: string[] = [];
  if (typeof args.due_at === 'string')
    details.push(`${m.due} ${formatDate(args.due_at, lang, ctx)}`);
  if (args.due_at === null) details.push(m.noDueDate);
  if (typeof args.priority === 'string')
    details.push(formatPriority(args.priority as Priority, lang));
  if (Array.isArray(args.tags)) details.push(args.tags.map((tag) => `#${tag}`).join(' ') || '—');
  if (args.recurrence) details.push(formatRecurrence(args.recurrence as Recurrence, lang));
  if (args.recurrence === null) details.push(m.noRepeat);
  if (typeof args.description === 'string') details.push(m.described);
  return details;
}

/** One line per action taken, then one per reference that matched nothing. */
export function confirmationReply(
  intent: ActIntent,
  steps: Step[],
  resolved: Resolved[],
  lang: Language,
  ctx: TimeContext,
): string {
  const m = messages[lang];
  const lines = steps.map((step) => {
    const result = parseActionResult(step.output);
    if (result && intent.action === 'update' && typeof step.arguments.title === 'string') {
      return m.renamed(result.title, changeDetails(step.arguments, lang, ctx));
    }
    if (result) {
      const details = intent.action === 'update' ? changeDetails(step.arguments, lang, ctx) : [];
      return m.done(intent.action, result.title, details);
    }
    const error = errorText(step.output ?? '');
    if (/not found|no task|does not exist/i.test(error)) {
      return m.notFound({ kind: 'id', id: Number(step.arguments.task_id) });
    }
    return m.failed(error);
  });
  return [...lines, ...missingLines(resolved, lang)].join('\n');
}

export function missingLines(resolved: Resolved[], lang: Language): string[] {
  return resolved.flatMap((r) => (r.kind === 'missing' ? [messages[lang].notFound(r.ref)] : []));
}
