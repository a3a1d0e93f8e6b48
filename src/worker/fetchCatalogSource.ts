/**
 * Data sources for the browser and the worker: same-origin fetches of the static files the Vite plugin
 * serves (`<base>iam-data/data/…`, `<base>managed-policies/…`).
 */
import { CatalogDataError, isSafeDataPath, type CatalogDataSource } from '../catalog/dataSource';

/** The part of `fetch` the sources use, injectable for tests. */
export type FetchFunction = (url: string) => Promise<Response>;

/**
 * Fetches JSON files under `root` (an absolute URL ending in `/`). `vite preview` and many static hosts answer
 * a missing file with `index.html` and status 200, so a non-JSON content type or an unparsable body is
 * reported as a missing file rather than surfacing as a bare JSON syntax error.
 */
export function createFetchJsonSource(root: string, fetchImpl: FetchFunction = (url) => fetch(url)): CatalogDataSource {
  const base = root.endsWith('/') ? root : `${root}/`;
  return {
    async readJson(relativePath) {
      if (!isSafeDataPath(relativePath)) throw new CatalogDataError(relativePath, 'refusing an unsafe data path');
      const url = base + relativePath;
      let response: Response;
      try {
        response = await fetchImpl(url);
      } catch {
        throw new CatalogDataError(relativePath, `cannot fetch \`${url}\``);
      }
      if (!response.ok) throw new CatalogDataError(relativePath, `\`${url}\` answered ${response.status}`);
      const type = response.headers.get('content-type') ?? '';
      if (type !== '' && !type.includes('json')) {
        throw new CatalogDataError(relativePath, `\`${url}\` is missing: the server answered with \`${type}\` instead of JSON`);
      }
      const text = await response.text();
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new CatalogDataError(relativePath, `\`${url}\` is not valid JSON (is the data deployed?)`);
      }
    },
  };
}

/** Resolves a Vite `base` (`/`, `/app/`, or `./`) against the page or worker location into an absolute folder URL. */
export function resolveBaseUrl(base: string, location: string): string {
  const url = new URL(base, location).href;
  return url.endsWith('/') ? url : `${url}/`;
}

/** The iam-data source served by the app itself, under `<baseUrl>iam-data/data/`. */
export function createFetchCatalogSource(baseUrl: string, fetchImpl?: FetchFunction): CatalogDataSource {
  return createFetchJsonSource(new URL('iam-data/data/', baseUrl).href, fetchImpl);
}

/** The managed-policy asset served by the app itself, under `<baseUrl>managed-policies/`. */
export function createFetchManagedPolicySource(baseUrl: string, fetchImpl?: FetchFunction): CatalogDataSource {
  return createFetchJsonSource(new URL('managed-policies/', baseUrl).href, fetchImpl);
}
