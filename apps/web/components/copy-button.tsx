'use client';
// Copies text and says so for a moment.
import { useState } from 'react';
import { copyText } from '../lib/clipboard';
import { secondaryButton } from '../lib/styles';
import { Icon } from './icon';

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <button
      type="button"
      className={`${secondaryButton} shrink-0`}
      onClick={async () => {
        setState((await copyText(text)) ? 'copied' : 'failed');
        setTimeout(() => setState('idle'), 2000);
      }}
      data-testid="copy-button"
    >
      <Icon name={state === 'copied' ? 'check' : 'copy'} className="size-4" />
      <span aria-live="polite">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Select and copy' : label}
      </span>
    </button>
  );
}
