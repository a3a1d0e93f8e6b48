/**
 * The alternative layouts a user can pick: fcose (force-directed, compound-aware) and elk
 * (layered). Both are loaded on demand (elk is about 1.4 MB, TOOLCHAIN.md) and start from the
 * current positions, so they refine the picture rather than scramble it.
 *
 * Grouping: in the domain layout boxes are plain nodes sized by `placeBoxes` (compound parents make
 * the first draw of a large organization take tens of seconds). fcose and elk need to know what each
 * box holds, so while one of them is picked the controller syncs with `compound: true`: every
 * `data.box` becomes a real Cytoscape parent (`ele.move({ parent })`), Cytoscape sizes the boxes, and
 * dragging a box moves what it holds. Picking the domain layout again moves every node back out
 * (`parent: null`) and the layout's own box sizes return. The cost of the moves is paid only by the
 * user who asks for these layouts, which are slower than the domain layout anyway (TOOLCHAIN.md).
 */
import cytoscape from 'cytoscape';

/** The layouts a user can pick. `domain` is the organization layout computed in `layout.ts`. */
export const LAYOUT_NAMES = ['domain', 'fcose', 'elk'] as const;
/** One layout name. */
export type LayoutName = (typeof LAYOUT_NAMES)[number];

const registered = new Set<string>();

async function register(name: 'fcose' | 'elk'): Promise<void> {
  if (registered.has(name)) return;
  const module = name === 'fcose' ? await import('cytoscape-fcose') : await import('cytoscape-elk');
  cytoscape.use(module.default);
  registered.add(name);
}

function options(name: 'fcose' | 'elk', size: number, animate: boolean): cytoscape.LayoutOptions {
  const animation = { animate, animationDuration: 250, animationEasing: 'ease-out-cubic', fit: false } as const;
  if (name === 'fcose') {
    return {
      name: 'fcose',
      quality: size > 1500 ? 'draft' : 'default',
      randomize: false,
      nodeDimensionsIncludeLabels: true,
      packComponents: false,
      nodeRepulsion: () => 6500,
      idealEdgeLength: () => 90,
      nestingFactor: 0.5,
      tile: true,
      ...animation,
    } as cytoscape.LayoutOptions;
  }
  return {
    name: 'elk',
    nodeDimensionsIncludeLabels: true,
    elk: {
      algorithm: 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.spacing.nodeNode': 28,
      'elk.layered.spacing.nodeNodeBetweenLayers': 56,
      'elk.padding': '[top=40,left=16,bottom=16,right=16]',
    },
    ...animation,
  } as cytoscape.LayoutOptions;
}

/** Runs fcose or elk on the whole graph; resolves with the time the computation took (ms). */
export async function runEngineLayout(cy: cytoscape.Core, name: 'fcose' | 'elk', animate: boolean): Promise<number> {
  await register(name);
  const started = performance.now();
  const layout = cy.layout(options(name, cy.nodes().length, animate));
  const ready = layout.promiseOn('layoutready').then(() => performance.now() - started);
  const stopped = layout.promiseOn('layoutstop');
  layout.run();
  const ms = await ready;
  await stopped;
  return ms;
}
