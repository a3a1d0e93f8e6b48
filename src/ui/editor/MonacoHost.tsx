/**
 * The Monaco editor itself (the lazily loaded chunk): sets Monaco up once and mounts the editor
 * host into a div. Everything Monaco-specific stays behind this component's dynamic import.
 */
import { useEffect, useRef } from 'react';
import { findingMessageKey } from '../inspector/findingText';
import { useAppStoreApi, useServices } from '../AppServices';
import { createTranslator } from '../i18n';
import { createEditorHost } from './editorHost';
import { setupMonaco } from './monacoSetup';

export interface MonacoHostProps {
  /** Called with each cursor move; must be stable (a state setter), or the editor is recreated. */
  readonly onCursor: (cursor: { readonly line: number; readonly column: number }) => void;
}

export default function MonacoHost({ onCursor }: MonacoHostProps) {
  const container = useRef<HTMLDivElement>(null);
  const { catalog } = useServices();
  const store = useAppStoreApi();

  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const t = () => createTranslator(store.getState().view.language);
    const monaco = setupMonaco({ catalog, t });
    const host = createEditorHost(monaco, element, store, {
      onCursor: (line, column) => onCursor({ line, column }),
      findingTitle: (finding) => t()(findingMessageKey(finding.code)),
      openPalette: () => store.getState().setPaletteOpen(true),
    });
    return () => host.dispose();
  }, [catalog, store, onCursor]);

  return <div ref={container} className="ag-monaco" data-testid="monaco-host" />;
}
