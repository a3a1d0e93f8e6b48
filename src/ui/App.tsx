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
import { LessonGallery } from './lessons/LessonGallery';
import { LessonPanel } from './lessons/LessonPanel';
import { FileInput } from './topbar/FileInput';
import { LinkBanner } from './topbar/LinkBanner';
import { Notice } from './topbar/Notice';
import { ProgressBar } from './topbar/ProgressBar';
import { TopBar } from './topbar/TopBar';

/** The app; `graph` is the graph panel (composed in `main.tsx`). */
export function App({ graph }: { readonly graph: ReactNode }) {
  const placement = useAppStore((s) => s.view.layout.editorPlacement);
  // Presenter mode: the graph and the lesson step only (UI.md).
  const presenter = useAppStore((s) => s.lesson.presenter);
  return (
    <div className="ag-app" data-presenter={presenter ? 'true' : undefined}>
      <TopBar />
      <ProgressBar />
      <div className="ag-workspace">
        <LinkBanner />
        <div className="ag-workspace-row">
          {presenter ? null : <ExplorerPanel />}
          <LessonPanel />
          <GraphArea>{graph}</GraphArea>
          {placement === 'right' && !presenter ? <EditorDock /> : null}
          {presenter ? null : <InspectorPanel />}
        </div>
        {placement === 'bottom' && !presenter ? <EditorDock /> : null}
      </div>
      <LessonGallery />
      <CommandPalette />
      <Notice />
      <FileInput />
      <Shortcuts />
      <DocumentAttributes />
    </div>
  );
}
