'use client';
// One toast: its message, an optional action, and a dismiss button.
import type { ToastInput } from '../lib/notify';

export interface Toast extends ToastInput {
  id: number;
}

export function ToastView({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const error = toast.tone === 'error';
  return (
    <div
      data-testid={error ? 'toast-error' : 'toast'}
      className={`pointer-events-auto flex w-full max-w-md items-center gap-3 rounded-lg border px-4 py-3 text-sm shadow-lg ${
        error ? 'border-danger bg-danger-soft text-danger-soft-fg' : 'border-line bg-fg text-bg'
      }`}
    >
      <p dir="auto" className="min-w-0 flex-1 break-words">
        {toast.message}
      </p>
      {toast.action && (
        <button
          type="button"
          className={`shrink-0 rounded px-2 py-1 font-semibold underline-offset-2 hover:underline ${
            error ? 'text-danger-soft-fg' : 'text-bg'
          }`}
          onClick={() => {
            toast.action?.run();
            onDismiss(toast.id);
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button
        type="button"
        aria-label="Dismiss"
        className="shrink-0 rounded px-1 text-lg leading-none opacity-80 hover:opacity-100"
        onClick={() => onDismiss(toast.id)}
      >
        ×
      </button>
    </div>
  );
}
