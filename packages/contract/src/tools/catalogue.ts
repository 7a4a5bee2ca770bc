// The MCP tools: names, the texts a model reads, what each takes and what each returns.
import { taskSchema } from '../task.ts';
import { DUE_FILTERS, PRIORITIES, TASK_STATUSES } from '../vocabulary.ts';
import { z } from '../zod.ts';
import {
  aliasOf,
  dueArgument,
  recurrenceArgument,
  requiredText,
  tagsArgument,
  taskIdArgument,
  userIdArgument,
} from './arguments.ts';

interface ToolDefinition {
  title: string;
  description: string;
  inputSchema: z.ZodObject;
  /** The structured content of a successful call. */
  outputSchema: z.ZodObject;
  /** Older argument names still accepted, each with the name that replaced it. */
  aliases: Readonly<Record<string, string>>;
  annotations?: { destructiveHint?: boolean };
}

/** What add_task, complete_task, delete_task and update_task answer with. */
const changed = <S extends string>(status: S) => ({
  task_id: z.number().int(),
  status: z.literal(status),
  title: z.string(),
});

export const toolCatalogue = {
  add_task: {
    title: 'Add a task',
    description:
      'Create a new task. Put dates, tags and priority in their own arguments, not in the title.',
    inputSchema: z.object({
      user_id: userIdArgument,
      title: requiredText().describe(
        'Short title without dates or tags, e.g. "Buy milk" (1-200 characters)',
      ),
      description: z.string().optional().describe('Longer notes (up to 4000 characters)'),
      priority: z.enum(PRIORITIES).optional().describe('How important it is; default none'),
      tags: tagsArgument.optional(),
      due_at: dueArgument.optional(),
      due: aliasOf('due_at', dueArgument.optional()),
      recurrence: recurrenceArgument.optional(),
    }),
    outputSchema: z.object(changed('created')),
    aliases: { due: 'due_at' },
  },
  list_tasks: {
    title: 'List tasks',
    description:
      'List the user\'s tasks (newest first), optionally filtered. Use it to answer "what is pending?" and to find the id of a task the user names.',
    inputSchema: z.object({
      user_id: userIdArgument,
      status: z
        .enum(TASK_STATUSES)
        .optional()
        .describe('Which tasks: all (default), pending (not done) or completed'),
      q: z.string().optional().describe('Words to search for in titles and descriptions'),
      priority: z.enum(PRIORITIES).optional().describe('Only tasks with this priority'),
      tag: z.string().optional().describe('Only tasks with this tag, e.g. "work"'),
      due: z
        .enum(DUE_FILTERS)
        .optional()
        .describe('overdue; due today; due in the next 7 days; or without a due date'),
      tz: z
        .string()
        .optional()
        .describe(
          'IANA time zone that decides what "today" means, e.g. "Asia/Karachi"; default UTC',
        ),
      timezone: aliasOf('tz', z.string().optional()),
      limit: z.number().int().optional().describe('At most this many tasks (1-200, default 50)'),
    }),
    // The text content shows the bare array, as it always has.
    outputSchema: z.object({ tasks: z.array(taskSchema) }),
    aliases: { timezone: 'tz' },
  },
  complete_task: {
    title: 'Complete a task',
    description:
      'Mark a task as done. If it repeats, its next occurrence is created and returned as next_task_id. To reopen a task use update_task with completed false.',
    inputSchema: z.object({ user_id: userIdArgument, task_id: taskIdArgument }),
    outputSchema: z.object({
      ...changed('completed'),
      next_task_id: z.number().int().optional(),
      next_due_at: z.string().nullable().optional(),
    }),
    aliases: {},
  },
  delete_task: {
    title: 'Delete a task',
    description:
      'Delete a task permanently. When the user names a task by title, call list_tasks first to find its id.',
    inputSchema: z.object({ user_id: userIdArgument, task_id: taskIdArgument }),
    outputSchema: z.object(changed('deleted')),
    aliases: {},
    annotations: { destructiveHint: true },
  },
  update_task: {
    title: 'Update a task',
    description:
      'Change some fields of a task: rename it, move its due date, change priority, tags or recurrence, or reopen it with completed false. Only the given fields change; null clears due_at or recurrence.',
    inputSchema: z.object({
      user_id: userIdArgument,
      task_id: taskIdArgument,
      title: z.string().optional().describe('New title (1-200 characters)'),
      description: z.string().optional().describe('New notes (up to 4000 characters)'),
      priority: z.enum(PRIORITIES).optional().describe('New priority'),
      tags: tagsArgument
        .optional()
        .describe('The complete new list of tags (replaces the old one)'),
      due_at: newDue(),
      due: aliasOf('due_at', newDue()),
      recurrence: recurrenceArgument
        .nullable()
        .optional()
        .describe('New repeat rule, e.g. {"frequency": "daily"}; null stops it repeating'),
      completed: z.boolean().optional().describe('true marks it done, false reopens it'),
    }),
    outputSchema: z.object(changed('updated')),
    aliases: { due: 'due_at' },
  },
} satisfies Record<string, ToolDefinition>;

function newDue() {
  return dueArgument
    .nullable()
    .optional()
    .describe(
      'New due date-time (ISO 8601 with offset, e.g. "2026-11-22T18:00:00Z"); null removes it',
    );
}

export type ToolName = keyof typeof toolCatalogue;
export const TOOL_NAMES = Object.keys(toolCatalogue) as ToolName[];

/** The arguments a call may send, older names included. */
export type ToolInput<N extends ToolName> = z.input<(typeof toolCatalogue)[N]['inputSchema']>;
/** The structured content of a successful call. */
export type ToolOutput<N extends ToolName> = z.output<(typeof toolCatalogue)[N]['outputSchema']>;
