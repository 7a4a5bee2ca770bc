// Client configuration for MCP clients, as docs/mcp.md gives it, filled in for this server.

export type McpClient = 'cursor' | 'claude';

export const mcpClients: { id: McpClient; label: string; file: string }[] = [
  { id: 'cursor', label: 'Cursor', file: '.cursor/mcp.json or ~/.cursor/mcp.json' },
  { id: 'claude', label: 'Claude Desktop', file: 'claude_desktop_config.json' },
];

export function mcpSnippet(client: McpClient, origin: string, token: string): string {
  const url = `${origin.replace(/\/+$/, '')}/mcp`;
  const server =
    client === 'cursor'
      ? { url, headers: { Authorization: `Bearer ${token}` } }
      : {
          command: 'npx',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: mcp-remote expands it from env.
          args: ['-y', 'mcp-remote', url, '--header', 'Authorization:${TODO_AUTH}'],
          env: { TODO_AUTH: `Bearer ${token}` },
        };
  return JSON.stringify({ mcpServers: { todo: server } }, null, 2);
}
