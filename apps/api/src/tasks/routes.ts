// Route definitions for /api/{user_id}/tasks: the OpenAPI document is generated from these.
import { createRoute, z } from '@hono/zod-openapi';
import {
  completionSchema,
  errorBodySchema,
  newTaskSchema,
  parsedTaskSchema,
  parseTaskRequestSchema,
  setCompletionSchema,
  taskListSchema,
  taskPatchSchema,
  taskQuerySchema,
  taskReplacementSchema,
  taskSchema,
} from '@todo-chatbot/contract';
import {
  invalidBodyError,
  jsonBody,
  jsonContent,
  notFoundError,
  security,
  userScopedErrors,
} from '../http/openapi.ts';
import { userIdParam, userParams } from '../http/params.ts';
import { taskIdParam } from './schemas.ts';

const tags = ['Tasks'];
const taskParams = z.object({ user_id: userIdParam, id: taskIdParam });
const errors = userScopedErrors;
const taskErrors = { ...userScopedErrors, ...notFoundError('task') };
const bodyErrors = invalidBodyError;
const limitError = {
  409: jsonContent(errorBodySchema, 'The account holds TASKS_PER_USER_MAX tasks already'),
};

export const listTasksRoute = createRoute({
  method: 'get',
  path: '/api/{user_id}/tasks',
  tags,
  security,
  summary: 'List tasks, filtered, searched, sorted and paged',
  request: { params: userParams, query: taskQuerySchema },
  responses: { 200: jsonContent(taskListSchema, 'A page of tasks and the total'), ...errors },
});

export const createTaskRoute = createRoute({
  method: 'post',
  path: '/api/{user_id}/tasks',
  tags,
  security,
  summary: 'Create a task',
  request: { params: userParams, body: jsonBody(newTaskSchema) },
  responses: {
    201: jsonContent(taskSchema, 'The created task'),
    ...errors,
    ...bodyErrors,
    ...limitError,
  },
});

export const getTaskRoute = createRoute({
  method: 'get',
  path: '/api/{user_id}/tasks/{id}',
  tags,
  security,
  summary: 'Get one task',
  request: { params: taskParams },
  responses: { 200: jsonContent(taskSchema, 'The task'), ...taskErrors },
});

export const replaceTaskRoute = createRoute({
  method: 'put',
  path: '/api/{user_id}/tasks/{id}',
  tags,
  security,
  summary: 'Replace a task (omitted fields return to their defaults)',
  request: { params: taskParams, body: jsonBody(taskReplacementSchema) },
  responses: {
    200: jsonContent(taskSchema, 'The updated task'),
    ...taskErrors,
    ...bodyErrors,
    // Completing a recurring task adds its next occurrence.
    ...limitError,
  },
});

export const patchTaskRoute = createRoute({
  method: 'patch',
  path: '/api/{user_id}/tasks/{id}',
  tags,
  security,
  summary: 'Change some fields of a task',
  request: { params: taskParams, body: jsonBody(taskPatchSchema) },
  responses: {
    200: jsonContent(taskSchema, 'The updated task'),
    ...taskErrors,
    ...bodyErrors,
    // Completing a recurring task adds its next occurrence.
    ...limitError,
  },
});

export const deleteTaskRoute = createRoute({
  method: 'delete',
  path: '/api/{user_id}/tasks/{id}',
  tags,
  security,
  summary: 'Delete a task',
  request: { params: taskParams },
  responses: { 200: jsonContent(taskSchema, 'The deleted task'), ...taskErrors },
});

export const completeTaskRoute = createRoute({
  method: 'patch',
  path: '/api/{user_id}/tasks/{id}/complete',
  tags,
  security,
  summary: 'Toggle completion (or set it with {"completed": true|false})',
  description:
    'Completing a recurring task creates its next occurrence in the same transaction and returns it as `next_task`.',
  request: {
    params: taskParams,
    body: { content: { 'application/json': { schema: setCompletionSchema } }, required: false },
  },
  responses: {
    200: jsonContent(completionSchema, 'The task, and its next occurrence if one was created'),
    ...taskErrors,
    ...bodyErrors,
    ...limitError,
  },
});

export const parseTaskRoute = createRoute({
  method: 'post',
  path: '/api/{user_id}/tasks/parse',
  tags,
  security,
  summary: 'Read a quick-add line the way the assistant does, without saving anything',
  description:
    'English, Urdu or Roman Urdu: "Buy milk tomorrow at 6pm #home high priority". One line may hold several tasks ("milk, eggs and bread"). Each result can be sent to POST /tasks as it is.',
  request: { params: userParams, body: jsonBody(parseTaskRequestSchema) },
  responses: {
    200: jsonContent(
      z.object({ tasks: z.array(parsedTaskSchema) }),
      'The tasks the line describes',
    ),
    ...errors,
    ...bodyErrors,
  },
});
