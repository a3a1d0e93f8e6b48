import { describe, expect, it } from 'vitest';
import { CatalogDataError } from '../../src/catalog/dataSource';
import { createFetchCatalogSource, createFetchJsonSource, createFetchManagedPolicySource, resolveBaseUrl, type FetchFunction } from '../../src/worker/fetchCatalogSource';

function fakeFetch(routes: Record<string, { status?: number; type?: string; body: string }>): FetchFunction & { urls: string[] } {
  const urls: string[] = [];
  function fetchImpl(url: string): Promise<Response> {
    urls.push(url);
    const route = routes[url];
    // Like `vite preview`: every unknown path answers the SPA's index.html with status 200.
    if (route === undefined) return Promise.resolve(new Response('<!doctype html><html></html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    // A byte body carries no content type, like a server that sends none.
    const body = new TextEncoder().encode(route.body);
    return Promise.resolve(new Response(body, { status: route.status ?? 200, headers: route.type === undefined ? {} : { 'content-type': route.type } }));
  }
  return Object.assign(fetchImpl, { urls });
}

describe('createFetchJsonSource', () => {
  it('fetches JSON under the iam-data and managed-policy folders of the base', async () => {
    const fetchImpl = fakeFetch({
      'http://127.0.0.1:4173/app/iam-data/data/services.json': { type: 'application/json', body: '["s3"]' },
      'http://127.0.0.1:4173/app/managed-policies/index.json': { type: 'application/json; charset=utf-8', body: '{"a":1}' },
    });
    const base = resolveBaseUrl('/app/', 'http://127.0.0.1:4173/assets/engine.worker.js');
    expect(await createFetchCatalogSource(base, fetchImpl).readJson('services.json')).toStrictEqual(['s3']);
    expect(await createFetchManagedPolicySource(base, fetchImpl).readJson('index.json')).toStrictEqual({ a: 1 });
  });

  it('reports the SPA fallback (index.html with status 200) as a missing file', async () => {
    const source = createFetchCatalogSource('http://127.0.0.1:4173/', fakeFetch({}));
    await expect(source.readJson('actions/s3.json')).rejects.toThrow(
      'http://127.0.0.1:4173/iam-data/data/actions/s3.json` is missing: the server answered with `text/html` instead of JSON (`actions/s3.json`)',
    );
  });

  it('reports HTTP errors, unparsable bodies and unsafe paths', async () => {
    const source = createFetchJsonSource(
      'http://h/d',
      fakeFetch({ 'http://h/d/a.json': { status: 404, body: 'no' }, 'http://h/d/b.json': { body: '<html>' } }),
    );
    await expect(source.readJson('a.json')).rejects.toThrow('`http://h/d/a.json` answered 404 (`a.json`)');
    await expect(source.readJson('b.json')).rejects.toThrow('`http://h/d/b.json` is not valid JSON (is the data deployed?) (`b.json`)');
    await expect(source.readJson('../secret.json')).rejects.toBeInstanceOf(CatalogDataError);
  });

  it('reports a network failure', async () => {
    const source = createFetchJsonSource('http://h/', () => Promise.reject(new TypeError('offline')));
    await expect(source.readJson('x.json')).rejects.toThrow('cannot fetch `http://h/x.json` (`x.json`)');
  });
});

describe('resolveBaseUrl', () => {
  it('resolves Vite bases against the location', () => {
    expect([resolveBaseUrl('/', 'http://h:1/assets/w.js'), resolveBaseUrl('/app', 'http://h:1/x'), resolveBaseUrl('./', 'http://h:1/app/index.html')]).toStrictEqual([
      'http://h:1/',
      'http://h:1/app/',
      'http://h:1/app/',
    ]);
  });
});
