// What every MCP tool shares: the caller's identity, the database, and the result helpers.
import type { CallToolResult } from '@modelcontextprotocol/server';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { isDatabaseUnavailable } from '../db/errors.ts';
import { AppError } from '../http/errors.ts';

export interface ToolContext {
  db: Db;
  /** From the authenticated HTTP request, never from tool arguments. */
  userId: string;
  logger: Logger;
}

export const userIdArgument = z
  .string()
  .optional()
  .describe(
    'Optional, accepted for compatibility with the public contract. The signed-in user is always the one acted for; a different id is refused.',
  );

/**
 * Zod says "expected string, received undefined" for a missing argument; a person (or a model)
 * reads "is required". Other type errors keep zod's own text, which names what was expected.
 */
export const required = {
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : undefined),
};

export const taskIdArgument = z
  .number(required)
  .int('must be a whole number')
  .positive('must be a task id from list_tasks (1 or more)')
  .describe('The id of the task, as shown by list_tasks (e.g. 3)');

export function success(value: Record<string, unknown> | unknown[]): CallToolResult {
  const structuredContent = Array.isArray(value) ? { tasks: value } : value;
  return { content: [{ type: 'text', text: JSON.stringify(value) }], structuredContent };
}

export function failure(message: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: `Error: ${message}` }] };
}

/** The REST schemas' field names where a tool's argument is called differently. */
const argumentNames: Record<string, string> = { due_at: 'due', tz: 'timezone' };

/**
 * The REST schemas' issues in the tool's own words: its argument names, no "(body)" for a
 * problem with the arguments as a whole, and "is required" for a missing nested field.
 */
export function describeArgumentIssues(issues: readonly z.core.$ZodIssue[]): string {
  const lines = issues.map((issue) => {
    const [head, ...rest] = issue.path.map(String);
    const field = head === undefined ? '' : [argumentNames[head] ?? head, ...rest].join('.');
    const message =
      issue.code === 'invalid_type' && /received undefined$/.test(issue.message)
        ? 'is required'
        : issue.message;
    return field ? `${field}: ${message}` : message;
  });
  return `Invalid arguments. ${lines.join('; ')}`;
}

/**
 * Runs a tool body: refuses a user_id that is not the caller's, validates with the REST
 * schemas, and turns domain errors into tool errors a model can read.
 */
export async function runTool(
  context: ToolContext,
  userIdGiven: string | undefined,
  body: () => Promise<CallToolResult>,
): Promise<CallToolResult> {
  if (userIdGiven !== undefined && userIdGiven !== context.userId && userIdGiven !== 'me') {
    return failure('user_id does not match the signed-in user; omit it to act for yourself.');
  }
  try {
    return await body();
  } catch (error) {
    if (error instanceof AppError) return failure(error.message);
    if (error instanceof z.ZodError) return failure(describeArgumentIssues(error.issues));
    if (isDatabaseUnavailable(error))
      return failure('the task database is unavailable; try again shortly.');
    context.logger.error({ err: error }, 'MCP tool failed');
    return failure('something went wrong on the server.');
  }
}
