// The shape of a toast, so logic can report outcomes without knowing how they are shown.

export interface ToastInput {
  message: string;
  tone?: 'info' | 'error';
  action?: { label: string; run: () => void };
  /** Milliseconds before it goes away by itself. */
  duration?: number;
}

export type Notify = (toast: ToastInput) => void;
