/**
 * Keeps `<html data-theme lang>` in step with the view, so the token CSS and the browser's own
 * controls follow the chosen theme and language.
 */
import { useEffect } from 'react';
import { useAppStore } from './AppServices';

export function DocumentAttributes() {
  const theme = useAppStore((s) => s.view.theme);
  const language = useAppStore((s) => s.view.language);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return null;
}
