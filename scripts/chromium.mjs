// One place that finds a Chromium and knows how to launch it on these machines.
// Used by web-test-runner, the benchmark and any script that drives a browser.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

/** $CHROMIUM_PATH, then /usr/bin/chromium, then Playwright's own download, else undefined. */
export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const candidate of candidates) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core');
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // playwright-core has no browser of its own here
  }
  return undefined;
}

/** Like findChromium, but stops the process with instructions when there is none. */
export function requireChromium() {
  const path = findChromium();
  if (!path) {
    console.error(
      [
        'No Chromium found. Tests and benchmarks run in a real headless Chromium.',
        'Get one of:',
        '  - Debian/Ubuntu: sudo apt-get install -y chromium   (gives /usr/bin/chromium)',
        '  - any Chromium/Chrome binary: export CHROMIUM_PATH=/path/to/chrome',
        '  - Playwright\'s own build: npx playwright install chromium',
      ].join('\n'),
    );
    process.exit(1);
  }
  return path;
}

export function launchOptions() {
  return { executablePath: requireChromium(), headless: true, args: chromiumArgs };
}
