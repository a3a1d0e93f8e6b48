/**
 * The graph lab: the graph panel alone on a page, for development, screenshots and the benchmark.
 * Served by the dev server at /src/ui/graph/lab/index.html?graph=sample|synthetic&n=5000&theme=dark
 * (and bundled by the benchmark). Not part of the app build.
 */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { AccessGraph } from '../../../analysis/types';
import { sampleGraph } from '../../../graph/fixtures/sampleGraph';
import { syntheticGraph } from '../../../graph/fixtures/syntheticGraph';
import { installGraphTestApi } from '../../../graph/testApi';
import type { Theme } from '../../../graph/tokens';
import { GraphPanel } from '../GraphPanel';

const params = new URLSearchParams(location.search);
const theme: Theme = params.get('theme') === 'dark' ? 'dark' : 'light';

/** Builds the graph, then marks the moment the panel receives it (the bench measures from there). */
function graphFromParams(): AccessGraph {
  const graph = params.get('graph') === 'synthetic' ? syntheticGraph(Number(params.get('n') ?? '1000')) : sampleGraph();
  performance.mark('graph-received');
  return graph;
}

declare global {
  interface Window {
    __graphLabStarted?: number;
  }
}

function Lab() {
  const [graph] = useState(graphFromParams);
  const [selection, setSelection] = useState<string | undefined>(params.get('select') ?? undefined);
  return (
    <div style={{ height: '100%', display: 'flex', background: theme === 'dark' ? '#0f1216' : '#f6f7f9' }}>
      <GraphPanel graph={graph} selection={selection} onSelect={setSelection} onSelectEdge={setSelection} theme={theme} />
    </div>
  );
}

window.__graphLabStarted = performance.now();
installGraphTestApi();
const root = document.getElementById('root');
if (root !== null)
  createRoot(root).render(
    <StrictMode>
      <Lab />
    </StrictMode>,
  );
