// Handlers for the task routes: they translate HTTP to the query functions and back.
import type { TaskList } from '@todo-chatbot/contract';
import { detectLanguage, parseTaskLine } from '@todo-chatbot/engine';
import type { Db } from '../db/client.ts';
import { jsonText } from '../http/openapi.ts';
import { createRouter, type Guard } from '../http/router.ts';
import {
  createTask,
  deleteTask,
  getTask,
  listTasks,
  replaceTask,
  setCompletion,
  updateTask,
} from './queries.ts';
import { setTaskCap } from './quota.ts';
import {
  completeTaskRoute,
  createTaskRoute,
  deleteTaskRoute,
  getTaskRoute,
  listTasksRoute,
  parseTaskRoute,
  patchTaskRoute,
  replaceTaskRoute,
} from './routes.ts';
import { toTaskJson } from './schemas.ts';

export interface TasksOptions {
  /** Most tasks one account may hold, for every write through `db` (the MCP tools' too). */
  tasksPerUserMax: number;
  guard: Guard;
}

export function createTasksRouter(db: Db, { tasksPerUserMax, guard }: TasksOptions) {
  setTaskCap(db, tasksPerUserMax);
  const router = createRouter({ guard, auth: 'user', resources: ['tasks'] });

  router.openapi(listTasksRoute, async (c) => {
    const query = c.req.valid('query');
    const page = await listTasks(db, c.get('user').id, query);
    // The tasks are JSON text already; the page is wrapped around them rather than parsed.
    const body = `{"tasks":${page.tasksJson},"total":${page.total},"limit":${query.limit},"offset":${query.offset}}`;
    return jsonText<TaskList>(c, body);
  });

  router.openapi(createTaskRoute, async (c) => {
    const task = await createTask(db, c.get('user').id, c.req.valid('json'));
    c.header('Location', `/api/${task.userId}/tasks/${task.id}`);
    return c.json(toTaskJson(task), 201);
  });

  router.openapi(getTaskRoute, async (c) => {
    const task = await getTask(db, c.get('user').id, c.req.valid('param').id);
    return c.json(toTaskJson(task), 200);
  });

  router.openapi(replaceTaskRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { task } = await replaceTask(db, c.get('user').id, id, c.req.valid('json'));
    return c.json(toTaskJson(task), 200);
  });

  router.openapi(patchTaskRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { task } = await updateTask(db, c.get('user').id, id, c.req.valid('json'));
    return c.json(toTaskJson(task), 200);
  });

  router.openapi(deleteTaskRoute, async (c) => {
    const task = await deleteTask(db, c.get('user').id, c.req.valid('param').id);
    return c.json(toTaskJson(task), 200);
  });

  // The toggle takes no body; clients that label every request as JSON must not get a 400.
  router.use(completeTaskRoute.getRoutingPath(), async (c, next) => {
    if (c.req.raw.body === null || c.req.header('content-length') === '0') {
      c.req.bodyCache.json = Promise.resolve({});
    }
    await next();
  });

  router.openapi(completeTaskRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { completed } = c.req.valid('json') ?? {};
    const { task, next } = await setCompletion(db, c.get('user').id, id, completed);
    return c.json({ task: toTaskJson(task), next_task: next ? toTaskJson(next) : null }, 200);
  });

  router.openapi(parseTaskRoute, (c) => {
    const { text, time_zone: timeZone } = c.req.valid('json');
    const tasks = parseTaskLine(text, detectLanguage(text) ?? 'en', {
      now: new Date(),
      timeZone,
    });
    return c.json({ tasks }, 200);
  });

  return router;
}

export type TasksRouter = ReturnType<typeof createTasksRouter>;
