'use client';
// Create, list and revoke personal API tokens; a new token is shown once, with its client setup.
import { TOKEN_NAME_MAX } from '@todo-chatbot/contract/vocabulary';
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { describeError } from '../lib/api-client';
import { field, label, primaryButton } from '../lib/styles';
import { createToken, listTokens, revokeToken } from '../lib/tokens-api';
import type { ApiToken, CreatedToken } from '../lib/types';
import { CopyButton } from './copy-button';
import { McpSnippet } from './mcp-snippet';
import { useToast } from './toast-provider';
import { TokenRow } from './token-row';

export function TokenManager() {
  const id = useId();
  const notify = useToast();
  const [tokens, setTokens] = useState<ApiToken[]>();
  const [loadError, setLoadError] = useState('');
  const [name, setName] = useState('');
  const [creating, setCreating] = useState(false);
  const [formError, setFormError] = useState('');
  const [fresh, setFresh] = useState<CreatedToken>();

  const load = useCallback(async () => {
    try {
      setTokens(await listTokens());
      setLoadError('');
    } catch (error) {
      setLoadError(describeError(error));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function create(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setFormError('Name the token after the client that will use it, e.g. “Cursor on my laptop”.');
      return;
    }
    setCreating(true);
    setFormError('');
    try {
      setFresh(await createToken(name.trim()));
      setName('');
      await load();
    } catch (error) {
      setFormError(describeError(error));
    } finally {
      setCreating(false);
    }
  }

  async function revoke(token: ApiToken) {
    const before = tokens;
    setTokens((list) => list?.filter((item) => item.id !== token.id));
    try {
      await revokeToken(token.id);
      if (fresh?.id === token.id) setFresh(undefined);
      notify({ message: `Revoked “${token.name}”. Clients using it are signed out.` });
    } catch (error) {
      setTokens(before);
      notify({
        tone: 'error',
        message: `Could not revoke “${token.name}”: ${describeError(error)}`,
      });
    }
  }

  return (
    <div className="space-y-5">
      <form onSubmit={create} noValidate className="flex flex-wrap items-end gap-2">
        <div className="min-w-48 flex-1">
          <label htmlFor={`${id}-name`} className={label}>
            New token name
          </label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={TOKEN_NAME_MAX}
            onChange={(event) => setName(event.target.value)}
            placeholder="Cursor on my laptop"
            aria-invalid={formError ? true : undefined}
            aria-describedby={formError ? `${id}-error` : undefined}
            data-testid="token-name"
            className={`${field} mt-1`}
          />
        </div>
        <button
          type="submit"
          className={primaryButton}
          disabled={creating}
          data-testid="token-create"
        >
          {creating ? 'Creating…' : 'Create token'}
        </button>
        {formError && (
          <p id={`${id}-error`} role="alert" className="w-full text-sm text-danger">
            {formError}
          </p>
        )}
      </form>

      {fresh && (
        <div
          className="space-y-2 rounded-lg border border-accent bg-accent-soft p-3 text-accent-soft-fg"
          data-testid="token-fresh"
        >
          <p className="text-sm font-semibold">
            Copy “{fresh.name}” now: it will not be shown again.
          </p>
          <div className="flex gap-2">
            <label htmlFor={`${id}-secret`} className="sr-only">
              New token
            </label>
            <input
              id={`${id}-secret`}
              readOnly
              value={fresh.token}
              onFocus={(event) => event.currentTarget.select()}
              data-testid="token-secret"
              className={`${field} font-mono text-xs`}
            />
            <CopyButton text={fresh.token} label="Copy token" />
          </div>
        </div>
      )}

      <McpSnippet token={fresh?.token} />

      <div>
        <h3 className="mb-2 text-base font-semibold">Your tokens</h3>
        {loadError ? (
          <p role="alert" className="text-sm text-danger">
            {loadError}
          </p>
        ) : !tokens ? (
          <p className="text-sm text-muted">Loading…</p>
        ) : tokens.length === 0 ? (
          <p className="text-sm text-muted" data-testid="token-empty">
            No tokens yet.
          </p>
        ) : (
          <ul
            className="divide-y divide-line rounded-lg border border-line"
            data-testid="token-list"
          >
            {tokens.map((token) => (
              <TokenRow key={token.id} token={token} onRevoke={revoke} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
