// Older MCP argument names (due before due_at, timezone before tz), accepted so existing
// clients keep working.
import { z } from '../zod.ts';

export interface ResolvedArguments<T> {
  args: T;
  /** The older name the caller used, by the current one: errors name an argument as sent. */
  sentAs: Record<string, string>;
}

/**
 * The arguments under their current names. An older name and its current one given different
 * values are refused, as a ZodError like any other invalid argument: which one was meant cannot
 * be known.
 */
export function resolveAliases<T extends object, A extends Readonly<Record<string, string>>>(
  args: T,
  aliases: A,
): ResolvedArguments<Omit<T, keyof A>> {
  const resolved: Record<string, unknown> = { ...(args as Record<string, unknown>) };
  const sentAs: Record<string, string> = {};
  for (const [alias, current] of Object.entries(aliases)) {
    const value = resolved[alias];
    delete resolved[alias];
    if (value === undefined) continue;
    if (resolved[current] === undefined) {
      resolved[current] = value;
      sentAs[current] = alias;
    } else if (resolved[current] !== value) {
      throw new z.ZodError([
        {
          code: 'custom',
          path: [alias],
          message: `is the older name of ${current}, which is given a different value; send only ${current}`,
          input: value,
        },
      ]);
    }
  }
  return { args: resolved as Omit<T, keyof A>, sentAs };
}
