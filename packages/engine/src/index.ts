// Public surface of the offline language engine.
export { parseTaskLine } from './intent.ts';
export { detectLanguage } from './language.ts';
export { LocalModel, type LocalModelOptions, LocalModelProvider } from './local-model.ts';
export { planTurn } from './planner.ts';
export type { Language, Plan, PlanLimits, TaskDraft, TimeContext, ToolCall } from './types.ts';
