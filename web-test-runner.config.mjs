import { createRequire } from 'node:module';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { build } from 'esbuild';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { launchOptions } from './scripts/chromium.mjs';
import { strictCsp } from './test/csp/strict-csp.mjs';
import { prebundleFrameworks } from './test/hosts/prebundle.mjs';

const require = createRequire(import.meta.url);
const workerPath = require.resolve('msw/mockServiceWorker.js');

/** Serves msw's service worker at the root, so no generated copy is committed. */
const mswWorker = {
  name: 'msw-worker',
  serve(context) {
    if (context.path === '/mockServiceWorker.js') {
      return { body: readFileSync(workerPath, 'utf8'), type: 'js' };
    }
  },
};

/** `virtual:stories` imports every stories/*.stories.ts, so a new story file is tested without registering it. */
const storiesIndex = {
  name: 'stories-index',
  resolveImport({ source }) {
    if (source === 'virtual:stories') return '/__stories-index.js';
  },
  serve(context) {
    if (context.path !== '/__stories-index.js') return;
    const dir = new URL('./stories/', import.meta.url);
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.stories.ts')).sort() : [];
    const body = [
      ...files.map((f, i) => `import * as s${i} from '/stories/${f}';`),
      `export default [${files.map((f, i) => `['${f}', s${i}]`).join(', ')}];`,
    ].join('\n');
    return { body, type: 'js' };
  },
};

/**
 * `storybook/test` (used by play functions) is CommonJS inside (aria-query, …): serve it
 * pre-bundled as one ES module so stories run here as they do in Storybook.
 */
const storybookTest = {
  name: 'storybook-test',
  bundle: undefined,
  resolveImport({ source }) {
    if (source === 'storybook/test') return '/__storybook-test.js';
  },
  async serve(context) {
    if (context.path !== '/__storybook-test.js') return;
    this.bundle ??= build({
      entryPoints: [require.resolve('storybook/test')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'error',
      define: { 'process.env.NODE_ENV': '"development"' },
    }).then((result) => result.outputFiles[0].text);
    return { body: await this.bundle, type: 'js' };
  },
};

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 20 * 60 * 1000,
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: launchOptions() })],
  // test/csp/strict.html only: served with a strict Content-Security-Policy header.
  middleware: [strictCsp],
  plugins: [
    prebundleFrameworks(),
    mswWorker,
    storiesIndex,
    storybookTest,
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <script>window.process = { env: { NODE_ENV: 'development' } };</script>
  </head>
  <body>
    <script type="module" src="${testFramework}"></script>
    <script type="module">
      // A failed chai assertion keeps the compared values, and web-test-runner sends them to node
      // as they are: a DOM node there (expect(el).to.equal(null)) hangs the session until the
      // browser is dropped. The failure message already describes the node, so send its name.
      import '${testFramework}';
      window.mocha.suite.afterEach(function () {
        const error = this.currentTest?.err;
        if (!error) return;
        for (const key of ['actual', 'expected']) {
          if (error[key] instanceof Node) error[key] = \`<\${error[key].nodeName.toLowerCase()}>\`;
        }
      });
    </script>
  </body>
</html>`,
};
