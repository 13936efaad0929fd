// `npm start`: the demo host page at http://localhost:5173/ with the msw fake backend.
// `npm run build`: the library as ES modules in dist/, one file per source module, every
// dependency left to the host's bundler, Lit templates minified (hosts' minifiers keep template
// strings as they are).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { viteMinifyTemplates } from './scripts/minify-templates.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
const require = createRequire(import.meta.url);

/** Serves msw's service worker at the site root from node_modules: no generated copy to commit. */
export function mswWorker(): Plugin {
  const workerPath = require.resolve('msw/mockServiceWorker.js');
  return {
    name: 'hr-msw-worker',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use('/mockServiceWorker.js', (_req, res) => {
        res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(readFileSync(workerPath));
      });
    },
  };
}

/** The dev server's `/` is the demo host page (the root stays the project, so /src and /mocks resolve). */
function demoAtRoot(): Plugin {
  return {
    name: 'hr-demo-at-root',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const [path, query] = (req.url ?? '/').split('?');
        if (path === '/' || path === '/index.html') {
          req.url = `/demo/index.html${query ? `?${query}` : ''}`;
        }
        next();
      });
    },
  };
}

/**
 * Registration files exist for their side effect. package.json's `sideEffects` names the
 * published dist/define files only, so without this a bundler drops `import './<tag>.js'` from
 * src/define/all.ts (library build, Storybook build).
 */
export function defineFilesHaveSideEffects(): Plugin {
  const defineDir = resolve(root, 'src/define') + '/';
  return {
    name: 'hr-define-side-effects',
    transform(code, id) {
      if (id.replace(/\\/g, '/').startsWith(defineDir)) {
        return { code, map: null, moduleSideEffects: true };
      }
      return undefined;
    },
  };
}

/** Library entries: the class index, one registration file per tag, and the fake backend. */
function libraryEntries(): Record<string, string> {
  const entries: Record<string, string> = { index: resolve(root, 'src/index.ts') };
  for (const file of readdirSync(resolve(root, 'src/define'))) {
    if (file.endsWith('.ts') && !file.endsWith('.d.ts')) {
      entries[`define/${file.slice(0, -3)}`] = resolve(root, 'src/define', file);
    }
  }
  const mocks = resolve(root, 'mocks/index.ts');
  if (existsSync(mocks)) entries['mocks/index'] = mocks;
  return entries;
}

/**
 * Bare imports (lit, @lit/*, zod, @tanstack/query-core, msw, …) stay imports. Oxc's helpers
 * (the legacy-decorator `decorate`) are bundled: hosts do not have @oxc-project/runtime.
 */
const isDependency = (id: string) =>
  !id.startsWith('.') &&
  !id.startsWith('\0') &&
  !id.startsWith('/') &&
  !isAbsolute(id) &&
  !id.startsWith('@oxc-project/runtime');

/**
 * dist/ mirrors src/ (dist/index.js, dist/define/<tag>.js, …); mocks/ lands in dist/mocks/ and
 * bundled helpers in dist/_runtime/.
 */
function outputName(moduleId: string | null | undefined, name: string): string {
  const path = moduleId && isAbsolute(moduleId) ? relative(root, moduleId).replace(/\\/g, '/') : '';
  if (!path || path.startsWith('..') || path.includes('node_modules/')) {
    return `_runtime/${name.split('/').pop()}.js`;
  }
  const bare = path.replace(/\.[cm]?[jt]s$/, '');
  return `${bare.startsWith('src/') ? bare.slice(4) : bare}.js`;
}

export default defineConfig(({ command, mode }) => ({
  root,
  publicDir: false,
  plugins: [defineFilesHaveSideEffects(), viteMinifyTemplates(), mswWorker(), demoAtRoot()],
  define: {
    'process.env.NODE_ENV': JSON.stringify(
      command === 'build' || mode === 'production' ? 'production' : 'development',
    ),
  },
  server: { port: 5173, strictPort: false },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    lib: {
      entry: libraryEntries(),
      formats: ['es'],
    },
    rolldownOptions: {
      external: isDependency,
      output: {
        preserveModules: true,
        entryFileNames: (chunk) => outputName(chunk.facadeModuleId ?? chunk.moduleIds.at(-1), chunk.name),
      },
    },
  },
}));
