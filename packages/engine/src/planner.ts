// The pure planner: from the conversation so far, the next tool calls or the reply.
import type { AgentInputItem } from '@openai/agents';
import type { ToolInput } from '@todo-chatbot/contract';
import {
  type ActIntent,
  type ConversationState,
  needsRecord,
  type Resolved,
  replay,
  resolveRef,
} from './conversation.ts';
import { formatFilter, formatTaskLine } from './format.ts';
import { errorText, isToolError, parseTaskList, type Step, toTurns } from './history.ts';
import { type Messages, messages } from './messages.ts';
import { addedReply, confirmationReply, missingLines } from './replies.ts';
import type {
  Action,
  Intent,
  Language,
  ListFilter,
  Plan,
  PlanLimits,
  TaskDraft,
  TimeContext,
  ToolCall,
} from './types.ts';

/** A turn that keeps calling tools without settling is cut short rather than looping. */
const MAX_STEPS = 8;

const reply = (text: string): Plan => ({ kind: 'reply', text });
const call = (...calls: ToolCall[]): Plan => ({ kind: 'tool_calls', calls });

/**
 * The next step of the turn. With `limits`, a plan that would do more than one turn may is not
 * carried out in part: the engine says how much it can do and asks for smaller requests.
 */
export function planTurn(items: AgentInputItem[], ctx: TimeContext, limits?: PlanLimits): Plan {
  const turns = toTurns(items);
  const replayed = replay(turns, ctx);
  const current = turns.at(-1);
  if (!replayed || !current) return reply(messages.en.help);
  const { state, understood } = replayed;
  const m = messages[understood.lang];
  const plan = planIntent(understood.intent, current.steps, state, understood.lang, ctx);
  if (plan.kind === 'reply') return plan;
  // Counted before more calls only: a turn that did its work still confirms it.
  if (current.steps.length >= MAX_STEPS) return reply(m.giveUp);
  return limits ? withinLimits(plan.calls, current.steps.length, limits, m) : plan;
}

function withinLimits(calls: ToolCall[], stepsTaken: number, limits: PlanLimits, m: Messages) {
  const adds = calls.filter((c) => c.name === 'add_task').length;
  if (adds > limits.newTasks) return reply(m.tooManyTasks(adds, limits.newTasks));
  const room = limits.toolCalls - stepsTaken;
  if (calls.length > room) return reply(m.tooManyActions(calls.length, Math.max(0, room)));
  return call(...calls);
}

function planIntent(
  intent: Intent,
  steps: Step[],
  state: ConversationState,
  lang: Language,
  ctx: TimeContext,
): Plan {
  const m = messages[lang];
  switch (intent.type) {
    case 'help':
      return reply(m.help);
    case 'thanks':
      return reply(m.thanks);
    case 'unknown':
      return reply(m.cannotDo);
    case 'add':
      return planAdd(intent.tasks, steps, lang, ctx);
    case 'list':
      return planList(intent.filter, steps, lang, ctx);
    case 'act':
      return planAct(intent, steps, state, lang, ctx);
    case 'reference': {
      const [ref] = intent.refs;
      const sources = { shown: state.shown, listed: undefined, touched: state.touched };
      const target = ref ? resolveRef(ref, sources, false) : undefined;
      if (target?.kind === 'task') return reply(m.whatToDo(label(target, lang)));
      return reply(target?.kind === 'missing' ? m.notFound(target.ref) : m.cannotDo);
    }
  }
}

function planAdd(drafts: TaskDraft[], steps: Step[], lang: Language, ctx: TimeContext): Plan {
  const added = steps.filter((step) => step.name === 'add_task');
  if (added.length > 0) return reply(addedReply(added, lang, ctx));
  if (drafts.length === 0) return reply(messages[lang].askWhatToAdd);
  return call(...drafts.map((draft): ToolCall => ({ name: 'add_task', arguments: { ...draft } })));
}

function planList(filter: ListFilter, steps: Step[], lang: Language, ctx: TimeContext): Plan {
  const m = messages[lang];
  const listing = steps.find((step) => step.name === 'list_tasks' && step.output !== undefined);
  if (!listing) return call({ name: 'list_tasks', arguments: { ...filter } });
  const tasks = parseTaskList(listing.output);
  if (!tasks) return reply(m.failed(errorText(listing.output ?? '')));
  const label = formatFilter(filter, lang);
  if (tasks.length === 0) return reply(m.listEmpty(label));
  const lines = tasks.map((task, i) => formatTaskLine(task, i + 1, lang, ctx));
  return reply(`${m.listHeading(tasks.length, label)}\n${lines.join('\n')}`);
}

/** Completing looks among pending tasks, reopening among completed ones. */
const listStatus: Record<Action, ListFilter['status']> = {
  complete: 'pending',
  reopen: 'completed',
  delete: 'all',
  update: 'all',
};

function planAct(
  intent: ActIntent,
  steps: Step[],
  state: ConversationState,
  lang: Language,
  ctx: TimeContext,
): Plan {
  const m = messages[lang];
  if (intent.refs.length === 0) return reply(m.askWhich(intent.action));
  const listing = steps.findLast((step) => step.name === 'list_tasks');
  if (listing?.output !== undefined && isToolError(listing.output)) {
    return reply(m.failed(errorText(listing.output)));
  }
  const sources = {
    shown: state.shown,
    listed: parseTaskList(listing?.output),
    touched: state.touched,
  };
  const resolved = intent.refs.map((ref) => resolveRef(ref, sources, needsRecord(intent)));
  const done = steps.filter((step) => step.name !== 'list_tasks');
  if (done.length > 0) return reply(confirmationReply(intent, done, resolved, lang, ctx));

  if (resolved.some((r) => r.kind === 'need-list')) {
    return call({ name: 'list_tasks', arguments: { status: listStatus[intent.action] } });
  }
  const question = resolved.find((r) => r.kind === 'ambiguous');
  if (question?.kind === 'ambiguous') {
    const lines = question.tasks.map((task, i) => formatTaskLine(task, i + 1, lang, ctx));
    return reply(m.clarify(question.query, lines, intent.action));
  }
  const targets = uniqueTargets(resolved);
  if (targets.length === 0) {
    return reply(missingLines(resolved, lang).join('\n'));
  }
  const [first] = targets;
  if (intent.action === 'update' && Object.keys(intent.changes).length === 0 && first) {
    return reply(m.askWhatToChange(label(first, lang)));
  }
  return call(...targets.map((target) => actionCall(intent, target)));
}

type Target = Extract<Resolved, { kind: 'task' }>;

/** A task named by its quoted title when known, else by its id. */
function label(target: Target, lang: Language): string {
  return target.record ? `"${target.record.title}"` : messages[lang].taskLabel(target.id);
}

function uniqueTargets(resolved: Resolved[]): Target[] {
  const seen = new Set<number>();
  return resolved.filter((r): r is Target => {
    if (r.kind !== 'task' || seen.has(r.id)) return false;
    seen.add(r.id);
    return true;
  });
}

function actionCall(intent: ActIntent, target: Target): ToolCall {
  const task_id = target.id;
  switch (intent.action) {
    case 'complete':
      return { name: 'complete_task', arguments: { task_id } };
    case 'delete':
      return { name: 'delete_task', arguments: { task_id } };
    case 'reopen':
      return { name: 'update_task', arguments: { task_id, completed: false } };
    case 'update': {
      const { addTags, removeTags, ...fields } = intent.changes;
      const args: ToolInput<'update_task'> = { task_id, ...fields };
      if (addTags || removeTags) {
        const current = target.record?.tags ?? [];
        const merged = [...new Set([...current, ...(addTags ?? [])])];
        args.tags = merged.filter((tag) => !removeTags?.includes(tag));
      }
      return { name: 'update_task', arguments: args };
    }
  }
}
