'use client';
// The list's filters as state that mirrors the address bar, without adding history entries.
import { useCallback, useEffect, useState } from 'react';
import { defaultView, type TaskView, viewFromSearch, viewToSearch } from './task-view';

export function useTaskView(): [TaskView, (change: Partial<TaskView>) => void] {
  const [view, setView] = useState<TaskView>(() =>
    typeof window === 'undefined' ? defaultView : viewFromSearch(window.location.search),
  );

  useEffect(() => {
    const address = window.location.pathname + viewToSearch(view);
    if (address !== window.location.pathname + window.location.search) {
      window.history.replaceState(window.history.state, '', address);
    }
  }, [view]);

  const change = useCallback((partial: Partial<TaskView>) => {
    setView((current) => ({ ...current, ...partial }));
  }, []);

  return [view, change];
}
