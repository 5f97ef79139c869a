// Headless Chromium for the page tests and the browser benchmarks, in one place: Debian's
// /usr/bin/chromium (or $CHROMIUM) driven by playwright-core, never a downloaded browser, with the
// switches that keep it from reaching the network on its own (updates, sync, first-run pages).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Chromium with a fresh profile in a temporary folder. `args` are added to `chromiumArgs`; the
 * other options go to playwright's `launchPersistentContext` (viewport, colorScheme, ...).
 * Resolves to `{context, page, profile, close}`; `close` also removes the profile. */
export async function launchChromium({ prefix = 'claimlens-', args = [], ...options } = {}) {
  const profile = mkdtempSync(path.join(tmpdir(), prefix));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    ...options,
    args: [...chromiumArgs, ...args],
  });
  return {
    context,
    page: context.pages()[0] ?? (await context.newPage()),
    profile,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
