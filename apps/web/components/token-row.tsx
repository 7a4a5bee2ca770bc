'use client';
// One token: its name, the prefix that identifies it, when it was made and last used; revoke.
import { useState } from 'react';
import { dangerButton, secondaryButton } from '../lib/styles';
import type { ApiToken } from '../lib/types';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function TokenRow({
  token,
  onRevoke,
}: {
  token: ApiToken;
  onRevoke: (token: ApiToken) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="flex flex-wrap items-center gap-3 p-3" data-testid="token-item">
      <div className="min-w-0 flex-1">
        <p dir="auto" className="truncate font-medium">
          {token.name}
        </p>
        <p className="text-xs text-muted">
          <code className="font-mono">{token.prefix}…</code> · created{' '}
          {when.format(new Date(token.created_at))} ·{' '}
          {token.last_used_at
            ? `last used ${when.format(new Date(token.last_used_at))}`
            : 'never used'}
        </p>
      </div>
      {confirming ? (
        <div className="flex gap-2">
          <button
            type="button"
            className={dangerButton}
            onClick={() => onRevoke(token)}
            data-testid="token-revoke-confirm"
          >
            Revoke “{token.name}”
          </button>
          <button type="button" className={secondaryButton} onClick={() => setConfirming(false)}>
            Keep
          </button>
        </div>
      ) : (
        <button
          type="button"
          className={secondaryButton}
          onClick={() => setConfirming(true)}
          aria-label={`Revoke “${token.name}”`}
          data-testid="token-revoke"
        >
          Revoke
        </button>
      )}
    </li>
  );
}
