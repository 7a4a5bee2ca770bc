import { describe, expect, it } from 'vitest';
import { mcpSnippet } from '../../lib/mcp-snippet';

describe('mcpSnippet', () => {
  it('gives Cursor the URL and the bearer header', () => {
    expect(JSON.parse(mcpSnippet('cursor', 'https://todo.example/', 'todo_abc'))).toEqual({
      mcpServers: {
        todo: {
          url: 'https://todo.example/mcp',
          headers: { Authorization: 'Bearer todo_abc' },
        },
      },
    });
  });

  it('gives Claude Desktop the mcp-remote bridge with the token in its environment', () => {
    expect(JSON.parse(mcpSnippet('claude', 'http://localhost:8080', 'todo_abc'))).toEqual({
      mcpServers: {
        todo: {
          command: 'npx',
          args: [
            '-y',
            'mcp-remote',
            'http://localhost:8080/mcp',
            '--header',
            // biome-ignore lint/suspicious/noTemplateCurlyInString: mcp-remote expands it from env.
            'Authorization:${TODO_AUTH}',
          ],
          env: { TODO_AUTH: 'Bearer todo_abc' },
        },
      },
    });
  });
});
