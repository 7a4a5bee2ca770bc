'use client';
// Brief messages at the bottom of the screen, some with an action such as Undo.
import { createContext, type ReactNode, useCallback, useContext, useRef, useState } from 'react';
import type { Notify } from '../lib/notify';
import { type Toast, ToastView } from './toast-view';

const ToastContext = createContext<Notify>(() => {});

export function useToast(): Notify {
  return useContext(ToastContext);
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);

  const notify = useCallback<Notify>(
    (input) => {
      const id = nextId.current++;
      // Only the latest few matter; older ones would cover the screen on a phone.
      setToasts((current) => [...current.slice(-2), { ...input, id }]);
      const duration =
        input.duration ?? (input.action ? 8000 : input.tone === 'error' ? 8000 : 4000);
      setTimeout(() => dismiss(id), duration);
    },
    [dismiss],
  );

  const polite = toasts.filter((toast) => toast.tone !== 'error');
  const urgent = toasts.filter((toast) => toast.tone === 'error');

  return (
    <ToastContext.Provider value={notify}>
      {children}
      <div className="pointer-events-none fixed inset-x-0 bottom-0 z-[60] max-lg:bottom-16 flex flex-col items-center gap-2 p-3 sm:items-start sm:p-4">
        <div role="status" aria-live="polite" className="contents">
          {polite.map((toast) => (
            <ToastView key={toast.id} toast={toast} onDismiss={dismiss} />
          ))}
        </div>
        <div role="alert" aria-live="assertive" className="contents">
          {urgent.map((toast) => (
            <ToastView key={toast.id} toast={toast} onDismiss={dismiss} />
          ))}
        </div>
      </div>
    </ToastContext.Provider>
  );
}
