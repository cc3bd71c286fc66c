import { type BrowserContext, test as base, expect } from '@playwright/test';

/** Collects uncaught page errors and console errors of a context, to attach to a failed test. */
export function watchErrors(context: BrowserContext, into: string[]) {
  context.on('weberror', (e) => into.push(`page error: ${e.error().stack ?? e.error().message}`));
  context.on('console', (m) => {
    // A 401 from /api/v1/me is how the app learns nobody is signed in: not an error.
    if (m.type() === 'error' && !/status of 401/.test(m.text()))
      into.push(`console error: ${m.text()} (${m.location().url})`);
  });
}

/** `test` with the browser's errors attached to every failed test's report. */
export const test = base.extend<{ browserErrors: string[] }>({
  browserErrors: [
    async ({ context }, use, testInfo) => {
      const errors: string[] = [];
      watchErrors(context, errors);
      await use(errors);
      if (testInfo.status !== testInfo.expectedStatus && errors.length) {
        await testInfo.attach('browser-errors.txt', { body: errors.join('\n\n'), contentType: 'text/plain' });
        console.log(`Browser errors during "${testInfo.title}":\n${errors.join('\n')}`);
      }
    },
    { auto: true },
  ],
});

export { expect };
