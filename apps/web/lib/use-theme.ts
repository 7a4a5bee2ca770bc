'use client';
// The theme choice as React state, kept in step with storage, other tabs and the system setting.
import { useCallback, useEffect, useState } from 'react';
import { applyTheme, storedTheme, storeTheme, THEME_KEY, type ThemeChoice } from './theme';

export function useTheme(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const [choice, setChoice] = useState<ThemeChoice>('system');

  useEffect(() => {
    setChoice(storedTheme());
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const onSystemChange = () => applyTheme(storedTheme());
    const onStorage = (event: StorageEvent) => {
      if (event.key !== THEME_KEY) return;
      setChoice(storedTheme());
      applyTheme(storedTheme());
    };
    media.addEventListener('change', onSystemChange);
    window.addEventListener('storage', onStorage);
    return () => {
      media.removeEventListener('change', onSystemChange);
      window.removeEventListener('storage', onStorage);
    };
  }, []);

  const choose = useCallback((next: ThemeChoice) => {
    storeTheme(next);
    setChoice(next);
  }, []);

  return [choice, choose];
}
