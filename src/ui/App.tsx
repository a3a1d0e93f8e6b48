/**
 * The layout: top bar, progress bar, Explorer | graph | Inspector, and the editor under the graph or
 * to its right. Panels only: each panel takes its own data from the store.
 */
import type { ReactNode } from 'react';
import { useAppStore } from './AppServices';
import { CommandPalette } from './commands/CommandPalette';
import { Shortcuts } from './commands/Shortcuts';
import { DocumentAttributes } from './DocumentAttributes';
import { EditorDock } from './editor/EditorDock';
import { ExplorerPanel } from './explorer/ExplorerPanel';
import { GraphArea } from './GraphArea';
import { InspectorPanel } from './inspector/InspectorPanel';
import { FileInput } from './topbar/FileInput';
import { Notice } from './topbar/Notice';
import { ProgressBar } from './topbar/ProgressBar';
import { TopBar } from './topbar/TopBar';

/** The app; `graph` is the graph panel (composed in `main.tsx`). */
export function App({ graph }: { readonly graph: ReactNode }) {
  const placement = useAppStore((s) => s.view.layout.editorPlacement);
  return (
    <div className="ag-app">
      <TopBar />
      <ProgressBar />
      <div className="ag-workspace">
        <div className="ag-workspace-row">
          <ExplorerPanel />
          <GraphArea>{graph}</GraphArea>
          {placement === 'right' ? <EditorDock /> : null}
          <InspectorPanel />
        </div>
        {placement === 'bottom' ? <EditorDock /> : null}
      </div>
      <CommandPalette />
      <Notice />
      <FileInput />
      <Shortcuts />
      <DocumentAttributes />
    </div>
  );
}
