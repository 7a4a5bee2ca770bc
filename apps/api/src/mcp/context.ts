// What every MCP tool shares: the caller's identity, the database, and the result helpers.
import type { CallToolResult } from '@modelcontextprotocol/server';
import { resolveAliases, type ToolName, toolCatalogue } from '@todo-chatbot/contract';
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

/**
 * A successful call: the tool's output as structured content, and as the text most clients
 * read (`text`, where that text has always been something else, such as list_tasks' array).
 */
export function success(
  output: Record<string, unknown>,
  text = JSON.stringify(output),
): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: output };
}

export function failure(message: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: `Error: ${message}` }] };
}

/**
 * The REST schemas' issues in the tool's own words: the argument names as the caller sent them
 * (`sentAs` holds the older names it used), no "(body)" for a problem with the arguments as a
 * whole, and "is required" for a missing nested field.
 */
export function describeArgumentIssues(
  issues: readonly z.core.$ZodIssue[],
  sentAs: Record<string, string> = {},
): string {
  const lines = issues.map((issue) => {
    const [head, ...rest] = issue.path.map(String);
    const field = head === undefined ? '' : [sentAs[head] ?? head, ...rest].join('.');
    const message =
      issue.code === 'invalid_type' && /received undefined$/.test(issue.message)
        ? 'is required'
        : issue.message;
    return field ? `${field}: ${message}` : message;
  });
  return `Invalid arguments. ${lines.join('; ')}`;
}

/**
 * Runs a tool body: refuses a user_id that is not the caller's, gives the arguments their
 * current names, and turns domain errors and the REST schemas' verdicts into tool errors a
 * model can read.
 */
export async function runTool<N extends ToolName, A extends { user_id?: string | undefined }>(
  context: ToolContext,
  name: N,
  { user_id, ...args }: A,
  body: (args: Omit<Omit<A, 'user_id'>, keyof ToolAliases<N>>) => Promise<CallToolResult>,
): Promise<CallToolResult> {
  if (user_id !== undefined && user_id !== context.userId && user_id !== 'me') {
    return failure('user_id does not match the signed-in user; omit it to act for yourself.');
  }
  let sentAs: Record<string, string> = {};
  try {
    const resolved = resolveAliases(args, toolCatalogue[name].aliases);
    sentAs = resolved.sentAs;
    return await body(resolved.args);
  } catch (error) {
    if (error instanceof AppError) return failure(error.message);
    if (error instanceof z.ZodError) return failure(describeArgumentIssues(error.issues, sentAs));
    if (isDatabaseUnavailable(error))
      return failure('the task database is unavailable; try again shortly.');
    context.logger.error({ err: error }, 'MCP tool failed');
    return failure('something went wrong on the server.');
  }
}

type ToolAliases<N extends ToolName> = (typeof toolCatalogue)[N]['aliases'];

/**
 * What the SDK advertises for a catalogue tool. The output schema stays out, as before the
 * catalogue: as an MCP outputSchema it would lengthen tools/list, which models read on every
 * turn, by the whole task shape, and the SDK would check every result against it.
 */
export function toolConfig<N extends ToolName>(name: N) {
  return toolConfigs[name] as ToolConfig<N>;
}

type ToolConfig<N extends ToolName> = Omit<(typeof toolCatalogue)[N], 'outputSchema' | 'aliases'>;

const toolConfigs = Object.fromEntries(
  Object.entries(toolCatalogue).map(([name, tool]) => {
    const { outputSchema: _output, aliases: _aliases, inputSchema, ...config } = tool;
    return [name, { ...config, inputSchema: convertedOnce(inputSchema) }];
  }),
) as { [N in ToolName]: ToolConfig<N> };

/**
 * The same schema, converting itself to JSON Schema once. Every request builds its own server,
 * and each tools/list converted the five schemas anew: a tenth of a chat turn's CPU. The
 * schemas never change and hold no user's data; the result is frozen, so nothing can edit it.
 */
function convertedOnce<T extends z.ZodType>(schema: T): T {
  const standard = schema['~standard'];
  const converted = new Map<string, unknown>();
  const once =
    (io: 'input' | 'output') =>
    (options: { target: string; libraryOptions?: Record<string, unknown> }) => {
      const key = `${io} ${options.target} ${JSON.stringify(options.libraryOptions ?? {})}`;
      if (!converted.has(key)) converted.set(key, deepFreeze(standard.jsonSchema[io](options)));
      return converted.get(key) as Record<string, unknown>;
    };
  return Object.create(schema, {
    '~standard': {
      value: { ...standard, jsonSchema: { input: once('input'), output: once('output') } },
    },
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
