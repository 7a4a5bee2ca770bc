'use client';
// Which model answers chat on this server, and what that means for the user.
import { useEffect, useState } from 'react';
import { describeError } from '../lib/api-client';
import { getAssistantInfo } from '../lib/chat-api';
import type { AssistantInfo } from '../lib/types';

export function AssistantInfoCard() {
  const [info, setInfo] = useState<AssistantInfo>();
  const [error, setError] = useState('');

  useEffect(() => {
    getAssistantInfo()
      .then(setInfo)
      .catch((failure: unknown) => setError(describeError(failure)));
  }, []);

  if (error) return <p className="text-sm text-danger">{error}</p>;
  if (!info) return <p className="text-sm text-muted">Loading…</p>;
  return (
    <div data-testid="assistant-info">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted">Provider</dt>
        <dd className="font-medium">
          {info.provider === 'local'
            ? 'Built-in offline engine'
            : `${info.provider} (OpenAI-compatible)`}
        </dd>
        <dt className="text-muted">Model</dt>
        <dd className="font-medium break-all">{info.model}</dd>
      </dl>
      <p className="mt-2 text-sm text-muted">
        {info.provider === 'local'
          ? 'Runs on this server with no network or key: it understands task requests in English, Urdu and Roman Urdu.'
          : 'Your messages and the tasks they touch are sent to this model provider.'}{' '}
        The server administrator chooses this with LLM_PROVIDER.
      </p>
    </div>
  );
}
