// The MCP catalogue's older argument names: how they resolve, and that the schemas list them.
import { describe, expect, it } from 'vitest';
import { resolveAliases, TOOL_NAMES, toolCatalogue } from '../src/index.ts';

const due = { due: 'due_at' } as const;

describe('resolveAliases', () => {
  it('gives an older name the current one, and remembers which was sent', () => {
    expect(resolveAliases({ title: 'x', due: '2030-01-01T00:00:00Z' }, due)).toEqual({
      args: { title: 'x', due_at: '2030-01-01T00:00:00Z' },
      sentAs: { due_at: 'due' },
    });
  });

  it('leaves the current name as it is', () => {
    expect(resolveAliases({ due_at: null }, due)).toEqual({ args: { due_at: null }, sentAs: {} });
    expect(resolveAliases({ title: 'x' }, due)).toEqual({ args: { title: 'x' }, sentAs: {} });
  });

  it('carries null, which clears a field, like any other value', () => {
    expect(resolveAliases({ due: null }, due).args).toEqual({ due_at: null });
  });

  it('accepts both names with the same value', () => {
    const both = { due: '2030-01-01T00:00:00Z', due_at: '2030-01-01T00:00:00Z' };
    expect(resolveAliases(both, due)).toEqual({
      args: { due_at: '2030-01-01T00:00:00Z' },
      sentAs: {},
    });
  });

  it('refuses both names with different values, naming the older one', () => {
    const both = { due: '2030-01-01T00:00:00Z', due_at: '2030-01-01T05:00:00+05:00' };
    expect(() => resolveAliases(both, due)).toThrowError(
      expect.objectContaining({
        name: 'ZodError',
        issues: [
          expect.objectContaining({
            path: ['due'],
            message:
              'is the older name of due_at, which is given a different value; send only due_at',
          }),
        ],
      }),
    );
  });

  it('does not change the arguments it was given', () => {
    const args = { due: 'soon' };
    resolveAliases(args, due);
    expect(args).toEqual({ due: 'soon' });
  });
});

describe('toolCatalogue', () => {
  it('names the five tools', () => {
    expect(TOOL_NAMES).toEqual([
      'add_task',
      'list_tasks',
      'complete_task',
      'delete_task',
      'update_task',
    ]);
  });

  it('lists each older name as a deprecated argument beside the current one', () => {
    for (const name of TOOL_NAMES) {
      const { inputSchema, aliases } = toolCatalogue[name];
      const properties = inputSchema.shape as Record<string, { meta(): unknown } | undefined>;
      for (const [alias, current] of Object.entries(aliases)) {
        expect(properties[current], `${name}.${current}`).toBeDefined();
        expect(properties[alias]?.meta(), `${name}.${alias}`).toMatchObject({ deprecated: true });
      }
    }
  });

  it('accepts an older name wherever the current one is accepted', () => {
    const call = { title: 'x', due: '2030-01-01T00:00:00Z' };
    expect(toolCatalogue.add_task.inputSchema.parse(call)).toEqual(call);
    const update = { task_id: 1, due: null };
    expect(toolCatalogue.update_task.inputSchema.parse(update)).toEqual(update);
    const list = { timezone: 'Asia/Karachi' };
    expect(toolCatalogue.list_tasks.inputSchema.parse(list)).toEqual(list);
  });
});
