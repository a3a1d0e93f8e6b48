/**
 * Binds the analysis layer to the real IAM engine. Until `src/engine/index.ts` lands this is
 * `undefined`, and the worker serves the static graph (nodes, membership, grants, shares).
 */
import type { AnalysisEngine } from './engineApi';

/** The engine the worker and the CLI use (`undefined` until the engine lands). */
export const DEFAULT_ENGINE: AnalysisEngine | undefined = undefined;
