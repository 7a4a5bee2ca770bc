// The tools' input schemas as the MCP server advertises them: converted once, the same as zod
// converts them, and immune to edits by whoever reads them.
import { TOOL_NAMES, toolCatalogue } from '@todo-chatbot/contract';
import { describe, expect, it } from 'vitest';
import { toolConfig } from '../../src/mcp/context.ts';

const target = 'draft-2020-12';

describe('toolConfig', () => {
  it.each(TOOL_NAMES)('%s: converts its input schema once, to what zod converts it to', (name) => {
    const advertised = toolConfig(name).inputSchema['~standard'].jsonSchema;
    const first = advertised.input({ target });
    expect(advertised.input({ target })).toBe(first);
    expect(first).toEqual(
      toolCatalogue[name].inputSchema['~standard'].jsonSchema.input({ target }),
    );
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => {
      (first as { properties: Record<string, unknown> }).properties.extra = {};
    }).toThrow(TypeError);
  });

  it('still validates as the catalogue schema does', () => {
    const schema = toolConfig('add_task').inputSchema;
    expect(schema.safeParse({ title: 'Milk' }).success).toBe(true);
    expect(schema['~standard'].validate({ title: 42 })).toMatchObject({
      issues: [expect.anything()],
    });
  });
});
