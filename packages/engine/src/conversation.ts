// Replays earlier turns to know what the user sees: the last list, the pending action, "it".

import { type ActionResult, parseActionResult, parseTaskList, type Turn } from './history.ts';
import { parseIntent } from './intent.ts';
import { detectLanguage } from './language.ts';
import { matchTitle } from './matching.ts';
import type { Intent, Language, TaskRecord, TaskRef, TimeContext } from './types.ts';

export type ActIntent = Extract<Intent, { type: 'act' }>;

export interface ConversationState {
  lang: Language;
  /** The last numbered list the user was shown: a listing or a clarifying question. */
  shown: TaskRecord[] | null;
  /** The previous message's action, for a reply that only names a task ("the second one"). */
  pending: ActIntent | null;
  /** Tasks the last action touched: what "it" means. */
  touched: ActionResult[];
}

const initialState: ConversationState = {
  lang: 'en',
  shown: null,
  pending: null,
  touched: [],
};

export interface Understood {
  intent: Intent;
  lang: Language;
}

const actionTools = ['add_task', 'complete_task', 'update_task', 'delete_task'];

export type Resolved =
  | { kind: 'task'; id: number; record?: TaskRecord }
  | { kind: 'ambiguous'; query: string; tasks: TaskRecord[] }
  | { kind: 'missing'; ref: TaskRef }
  | { kind: 'need-list' };

export interface Sources {
  shown: TaskRecord[] | null;
  /** The list fetched in this turn, if any. */
  listed: TaskRecord[] | undefined;
  touched: ActionResult[];
}

/**
 * Points a reference at a task. `needsRecord` asks for the full task (to merge tags), which
 * only a list can provide.
 */
export function resolveRef(ref: TaskRef, sources: Sources, needsRecord: boolean): Resolved {
  const { shown, listed, touched } = sources;
  const byId = (id: number): Resolved => {
    if (!needsRecord)
      return { kind: 'task', id, record: (listed ?? shown ?? []).find((t) => t.id === id) };
    if (!listed) return { kind: 'need-list' };
    const record = listed.find((t) => t.id === id);
    return record ? { kind: 'task', id, record } : { kind: 'missing', ref };
  };
  switch (ref.kind) {
    case 'id':
      return byId(ref.id);
    case 'it': {
      const [only] = touched;
      return only && touched.length === 1 ? byId(only.task_id) : { kind: 'missing', ref };
    }
    case 'position': {
      const source = shown ?? listed;
      if (!source) return { kind: 'need-list' };
      const index = ref.index < 0 ? source.length + ref.index : ref.index;
      const record = index >= 0 ? source[index] : undefined;
      return record ? { kind: 'task', id: record.id, record } : { kind: 'missing', ref };
    }
    case 'all':
      return { kind: 'missing', ref };
    case 'title': {
      if (!listed) return { kind: 'need-list' };
      const match = matchTitle(ref.text, listed);
      if (match.kind === 'one') return { kind: 'task', id: match.task.id, record: match.task };
      if (match.kind === 'many') return { kind: 'ambiguous', query: ref.text, tasks: match.tasks };
      return { kind: 'missing', ref };
    }
  }
}

export function needsRecord(intent: ActIntent): boolean {
  return intent.changes.addTags !== undefined || intent.changes.removeTags !== undefined;
}

/** What a turn's message means, given the conversation so far. */
export function understand(turn: Turn, state: ConversationState, ctx: TimeContext): Understood {
  const lang = detectLanguage(turn.user) ?? state.lang;
  const numbersArePositions = (state.shown?.length ?? 0) > 0;
  const intent = parseIntent(turn.user, lang, ctx, { numbersArePositions });
  if (intent.type === 'reference' && state.pending) {
    return { intent: { ...state.pending, refs: intent.refs }, lang };
  }
  return { intent, lang };
}

/** The state after a finished turn. */
export function remember(
  state: ConversationState,
  turn: Turn,
  { intent, lang }: Understood,
): ConversationState {
  const next: ConversationState = {
    ...state,
    lang,
    pending: intent.type === 'act' ? intent : null,
  };
  const last = turn.steps.at(-1);
  const listed = last?.name === 'list_tasks' ? parseTaskList(last.output) : undefined;
  if (listed && intent.type === 'list') next.shown = listed;
  if (listed && intent.type === 'act') {
    const sources = { shown: state.shown, listed, touched: state.touched };
    const question = intent.refs
      .map((ref) => resolveRef(ref, sources, needsRecord(intent)))
      .find((r) => r.kind === 'ambiguous');
    if (question?.kind === 'ambiguous') next.shown = question.tasks;
  }
  const touched = turn.steps
    .filter((step) => actionTools.includes(step.name))
    .flatMap((step) => parseActionResult(step.output) ?? []);
  if (touched.length > 0) next.touched = touched;
  return next;
}

/** Folds every finished turn, then reads the last (current) one. */
export function replay(
  turns: Turn[],
  ctx: TimeContext,
): { state: ConversationState; understood: Understood } | undefined {
  const current = turns.at(-1);
  if (!current) return undefined;
  let state = initialState;
  for (const turn of turns.slice(0, -1)) {
    state = remember(state, turn, understand(turn, state, ctx));
  }
  return { state, understood: understand(current, state, ctx) };
}
