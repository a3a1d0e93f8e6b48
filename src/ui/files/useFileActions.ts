/**
 * Import and export actions shared by the top bar and the command palette. The file input lives in
 * `FileInput`, mounted once; `openImport` clicks it.
 */
import { useMemo } from 'react';
import { selectGraph } from '../../state/selectors';
import { tolerantValue } from '../../state/scenarioEdits';
import { useServices } from '../AppServices';
import { downloadBlob, fileNameFor } from './download';
import { graphPng, graphSvg } from '../graphExport';
import { readImport } from './readImport';

/** The id of the hidden file input. */
export const IMPORT_INPUT_ID = 'ag-import-input';

export interface FileActions {
  readonly openImport: () => void;
  readonly importFiles: (files: readonly File[]) => Promise<void>;
  readonly exportScenario: () => void;
  readonly exportPng: () => Promise<void>;
  readonly exportSvg: () => Promise<void>;
}

function titleOf(text: string): string {
  const value = tolerantValue(text);
  const title =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>).title : undefined;
  return typeof title === 'string' ? title : 'scenario';
}

/** The file actions of this app instance. */
export function useFileActions(): FileActions {
  const { store } = useServices();
  return useMemo(() => {
    const s = () => store.getState();
    return {
      openImport: () => document.getElementById(IMPORT_INPUT_ID)?.click(),
      async importFiles(files) {
        if (files.length === 0) return;
        const outcome = await readImport(files);
        if (!outcome.ok) {
          s().notify('import-failed', outcome.problem);
          return;
        }
        s().loadScenario(outcome.text);
        s().notify('imported', String(files.length));
      },
      exportScenario() {
        const text = s().document.text;
        downloadBlob(new Blob([text], { type: 'application/json' }), fileNameFor(titleOf(text), 'json'));
      },
      async exportPng() {
        const png = await graphPng();
        if (png !== undefined && selectGraph(s()) !== undefined)
          downloadBlob(png, fileNameFor(titleOf(s().document.text), 'png'));
      },
      async exportSvg() {
        const svg = await graphSvg();
        if (svg !== undefined)
          downloadBlob(
            new Blob([svg], { type: 'image/svg+xml' }),
            fileNameFor(titleOf(s().document.text), 'svg'),
          );
      },
    };
  }, [store]);
}
