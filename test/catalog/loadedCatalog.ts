/** Test helper: one fully loaded catalog over the installed iam-data, shared by the tests of a file. */
import { createCatalog, type Catalog } from '../../src/catalog/Catalog';
import { createNodeCatalogSource } from '../../src/cli/nodeCatalogSource';

let loaded: Promise<Catalog> | undefined;

/** The catalog with every service loaded (built once per test file). */
export function loadedCatalog(): Promise<Catalog> {
  loaded ??= createCatalog(createNodeCatalogSource()).then(async (catalog) => {
    await catalog.loadAll();
    return catalog;
  });
  return loaded;
}
