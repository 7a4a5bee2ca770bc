// What the reply says when the server cut a turn short, in the user's language: exactly what
// was done, counted from the tool calls that ran, whatever the model itself claimed.
import { detectLanguage, type Language } from '@todo-chatbot/engine';
import type { ToolCallRecord } from '../db/schema.ts';
import type { LimitReached, TurnLimits } from './turn-budget.ts';

export type Stop =
  | { reason: LimitReached; limits: TurnLimits; refused: number }
  | { reason: 'steps'; steps: number };

type Change = 'add_task' | 'complete_task' | 'update_task' | 'delete_task';
const changes: Change[] = ['add_task', 'complete_task', 'update_task', 'delete_task'];

interface Sentences {
  change: Record<Change, (n: number) => string>;
  nothing: string;
  limit: (reason: LimitReached, max: number) => string;
  stopped: (limit: string, done: string, refused: number) => string;
  steps: (steps: number, done: string) => string;
  separator: string;
}

const sentences: Record<Language, Sentences> = {
  en: {
    change: {
      add_task: (n) => `${n} ${n === 1 ? 'task' : 'tasks'} added`,
      complete_task: (n) => `${n} completed`,
      update_task: (n) => `${n} updated`,
      delete_task: (n) => `${n} deleted`,
    },
    nothing: 'no task changed',
    limit: (reason, max) => (reason === 'new_tasks' ? `${max} new tasks` : `${max} tool calls`),
    stopped: (limit, done, refused) =>
      `I stopped at the limit of ${limit} per message. Done: ${done}. Not done: ${refused} more ${refused === 1 ? 'request' : 'requests'}; please send the rest in another message.`,
    steps: (steps, done) =>
      `I stopped after ${steps} steps without finishing. Done: ${done}. Please check your list and try a simpler request.`,
    separator: ', ',
  },
  ur: {
    change: {
      add_task: (n) => `${n} کام شامل`,
      complete_task: (n) => `${n} مکمل`,
      update_task: (n) => `${n} تبدیل`,
      delete_task: (n) => `${n} حذف`,
    },
    nothing: 'کوئی کام تبدیل نہیں ہوا',
    limit: (reason, max) => (reason === 'new_tasks' ? `${max} نئے کام` : `${max} ٹول کالز`),
    stopped: (limit, done, refused) =>
      `میں ایک پیغام کی حد (${limit}) پر رک گیا۔ ہو گیا: ${done}۔ نہیں ہوا: مزید ${refused} درخواستیں؛ باقی الگ پیغام میں بھیجیں۔`,
    steps: (steps, done) =>
      `میں ${steps} مراحل کے بعد رک گیا اور کام مکمل نہیں ہوا۔ ہو گیا: ${done}۔ اپنی فہرست دیکھیں اور آسان درخواست کے ساتھ دوبارہ کوشش کریں۔`,
    separator: '، ',
  },
  roman: {
    change: {
      add_task: (n) => `${n} tasks add`,
      complete_task: (n) => `${n} mukammal`,
      update_task: (n) => `${n} update`,
      delete_task: (n) => `${n} delete`,
    },
    nothing: 'koi task change nahi hua',
    limit: (reason, max) => (reason === 'new_tasks' ? `${max} naye tasks` : `${max} tool calls`),
    stopped: (limit, done, refused) =>
      `Main ek message ki had (${limit}) par ruk gaya. Ho gaya: ${done}. Nahi hua: mazeed ${refused} requests; baqi alag message mein bhejein.`,
    steps: (steps, done) =>
      `Main ${steps} steps ke baad ruk gaya, kaam mukammal nahi hua. Ho gaya: ${done}. Apni list dekhein aur aasaan request ke saath dobara koshish karein.`,
    separator: ', ',
  },
};

const succeeded = (call: ToolCallRecord) =>
  !(typeof call.result === 'string' && /^\s*error\b/i.test(call.result));

/** "20 tasks added, 1 completed": the changes that took effect, or "no task changed". */
function doneText(calls: ToolCallRecord[], s: Sentences): string {
  const parts = changes.flatMap((name) => {
    const n = calls.filter((call) => call.name === name && succeeded(call)).length;
    return n > 0 ? [s.change[name](n)] : [];
  });
  return parts.length > 0 ? parts.join(s.separator) : s.nothing;
}

export function stopNote(stop: Stop, calls: ToolCallRecord[], userMessage: string): string {
  const s = sentences[detectLanguage(userMessage) ?? 'en'];
  const done = doneText(calls, s);
  if (stop.reason === 'steps') return s.steps(stop.steps, done);
  const max = stop.reason === 'new_tasks' ? stop.limits.newTasks : stop.limits.toolCalls;
  return s.stopped(s.limit(stop.reason, max), done, stop.refused);
}
