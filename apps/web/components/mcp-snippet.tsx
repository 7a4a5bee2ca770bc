'use client';
// The client configuration to paste into Cursor or Claude Desktop, with this server's address.
import { useEffect, useId, useState } from 'react';
import { type McpClient, mcpClients, mcpSnippet } from '../lib/mcp-snippet';
import { CopyButton } from './copy-button';

export function McpSnippet({ token }: { token: string | undefined }) {
  const id = useId();
  const [client, setClient] = useState<McpClient>('cursor');
  const [origin, setOrigin] = useState('http://localhost:8080');
  useEffect(() => setOrigin(window.location.origin), []);

  const snippet = mcpSnippet(client, origin, token ?? '<your token>');
  const chosen = mcpClients.find((item) => item.id === client);
  return (
    <div className="space-y-2" data-testid="mcp-snippet">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-base font-semibold">Client configuration</h3>
        <div role="tablist" aria-label="MCP client" className="flex rounded-lg bg-surface-2 p-1">
          {mcpClients.map((item) => (
            <button
              key={item.id}
              type="button"
              role="tab"
              id={`${id}-${item.id}`}
              aria-selected={client === item.id}
              aria-controls={`${id}-panel`}
              tabIndex={client === item.id ? 0 : -1}
              onClick={() => setClient(item.id)}
              onKeyDown={(event) => {
                if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
                const other = mcpClients.find((candidate) => candidate.id !== item.id);
                if (!other) return;
                setClient(other.id);
                document.getElementById(`${id}-${other.id}`)?.focus();
              }}
              className={`rounded-md px-3 py-1 text-sm font-medium ${
                client === item.id ? 'bg-surface text-fg shadow-sm' : 'text-muted hover:text-fg'
              }`}
              data-testid={`mcp-tab-${item.id}`}
            >
              {item.label}
            </button>
          ))}
        </div>
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-${client}`}
        className="space-y-2"
      >
        <p className="text-sm text-muted">
          Put this in <code className="font-mono text-fg">{chosen?.file}</code>
          {token ? '.' : ', replacing <your token> with a token you create above.'}
        </p>
        <pre
          className="rounded-lg border border-line bg-surface-2 p-3 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap"
          data-testid="mcp-snippet-code"
        >
          {snippet}
        </pre>
        <CopyButton text={snippet} label="Copy configuration" />
      </div>
    </div>
  );
}
