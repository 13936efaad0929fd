// web-test-runner plugin for the framework host tests (test/hosts/): React ships CommonJS only,
// so `react` and `react-dom/client` are served as ES modules pre-bundled with esbuild, in one
// bundle so both share one React. `vue` is aliased to its full build (runtime + template
// compiler), as Vue's docs tell hosts with in-DOM or string templates to do.
import { execFileSync } from 'node:child_process';
import process from 'node:process';
import { build } from 'esbuild';

/** Bare specifier → the name of its namespace in the shared bundle. */
const PACKAGES = {
  react: 'React',
  'react-dom/client': 'ReactDOMClient',
  vue: 'Vue',
};
const SOURCES = { ...Object.fromEntries(Object.keys(PACKAGES).map((p) => [p, p])), vue: 'vue/dist/vue.esm-bundler.js' };
const PREFIX = '/__prebundled/';
const SHARED = `${PREFIX}shared.js`;

const isIdentifier = (name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default';

/**
 * `export const { a, b } = React;` needs the names: read them from the package in a child node
 * (loading React in this process would write to the test runner's patched console).
 */
function exportNames(specifier) {
  const script = `import(${JSON.stringify(specifier)}).then((m) => process.stdout.write(JSON.stringify(Object.keys(m))))`;
  const keys = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
  return keys.filter(isIdentifier).sort();
}

export function prebundleFrameworks() {
  let shared;
  return {
    name: 'prebundle-frameworks',
    resolveImport({ source }) {
      if (Object.hasOwn(PACKAGES, source)) return `${PREFIX}${source.replace('/', '__')}.js`;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return;
      if (context.path === SHARED) {
        shared ??= build({
          stdin: {
            contents: Object.entries(PACKAGES)
              .map(([pkg, ns]) => `export * as ${ns} from '${SOURCES[pkg]}';`)
              .join('\n'),
            resolveDir: process.cwd(),
            loader: 'js',
          },
          bundle: true,
          format: 'esm',
          platform: 'browser',
          target: 'es2022',
          write: false,
          logLevel: 'error',
          define: {
            'process.env.NODE_ENV': '"development"',
            __VUE_OPTIONS_API__: 'true',
            __VUE_PROD_DEVTOOLS__: 'false',
            __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
          },
        }).then((result) => result.outputFiles[0].text);
        return { body: await shared, type: 'js' };
      }
      const pkg = Object.keys(PACKAGES).find((p) => context.path === `${PREFIX}${p.replace('/', '__')}.js`);
      if (!pkg) return;
      const ns = PACKAGES[pkg];
      const names = exportNames(pkg);
      const body = [
        `import { ${ns} } from '${SHARED}';`,
        `export default ${ns};`,
        `export const { ${names.join(', ')} } = ${ns};`,
      ].join('\n');
      return { body, type: 'js' };
    },
  };
}
