// Task endpoints for the signed-in user ("me").
import { apiRequest } from './api-client';
import type {
  Completion,
  NewTask,
  ParsedTask,
  Task,
  TaskList,
  TaskPatch,
  TaskQuery,
} from './types';

const base = '/api/me/tasks';

export function listTasks(query: TaskQuery, signal?: AbortSignal): Promise<TaskList> {
  return apiRequest('GET', base, { query: { ...query }, signal });
}

export function createTask(task: NewTask): Promise<Task> {
  return apiRequest('POST', base, { body: task });
}

export function updateTask(id: number, patch: TaskPatch): Promise<Task> {
  return apiRequest('PATCH', `${base}/${id}`, { body: patch });
}

export function setCompleted(id: number, completed: boolean): Promise<Completion> {
  return apiRequest('PATCH', `${base}/${id}/complete`, { body: { completed } });
}

export function deleteTask(id: number): Promise<Task> {
  return apiRequest('DELETE', `${base}/${id}`);
}

/** The assistant's own language engine reading one quick-add line (it may name several tasks). */
export async function parseQuickAdd(text: string, timeZone: string): Promise<ParsedTask[]> {
  const result = await apiRequest<{ tasks: ParsedTask[] }>('POST', `${base}/parse`, {
    body: { text, time_zone: timeZone },
  });
  return result.tasks;
}
