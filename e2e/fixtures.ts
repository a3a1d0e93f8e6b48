/**
 * The test fixture every app spec uses: it records each request the page makes and every console
 * error, and fails the test when a request leaves the page's origin or anything was logged as an
 * error. Policies are sensitive: nothing may go anywhere else.
 */
import { test as base, expect } from '@playwright/test';
import { AppPage } from './pages/AppPage';

interface Guard {
  /** Every URL requested (documents, scripts, workers, data files). */
  readonly requests: string[];
  readonly errors: string[];
}

export const test = base.extend<{ app: AppPage; guard: Guard }>({
  guard: async ({ page, baseURL }, use) => {
    const origin = new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
    const guard: Guard = { requests: [], errors: [] };
    page.on('request', (request) => guard.requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') guard.errors.push(message.text());
    });
    page.on('pageerror', (error) => guard.errors.push(error.message));
    await use(guard);
    const outside = guard.requests.filter(
      (url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin,
    );
    expect(outside, 'requests outside the page origin').toStrictEqual([]);
    expect(guard.errors, 'console errors').toStrictEqual([]);
  },
  app: async ({ page, guard }, use) => {
    void guard;
    await use(new AppPage(page));
  },
});

export { expect };
