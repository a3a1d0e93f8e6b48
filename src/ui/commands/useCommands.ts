/**
 * The command list for the current language, built once per language and wiring.
 */
import { useMemo } from 'react';
import { useAppStore, useServices } from '../AppServices';
import { useFileActions } from '../files/useFileActions';
import { buildCommands, type Command } from './commands';

/** Every command, ready to run. */
export function useCommands(): readonly Command[] {
  const { store } = useServices();
  const language = useAppStore((s) => s.view.language);
  const files = useFileActions();
  return useMemo(
    () =>
      buildCommands({
        store,
        language,
        importFile: files.openImport,
        exportScenario: files.exportScenario,
      }),
    [store, language, files],
  );
}
