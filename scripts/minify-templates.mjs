// Minifies the markup inside Lit's `html`/`svg` and `css` tagged templates of src/ (esbuild and
// every other JS minifier keep template strings byte for byte: indentation, newlines, comments).
// Used by the library build (vite.config.ts), so what a host bundles is minified too, and by
// scripts/size.mjs, so the budget measures what hosts get.
//
// Conservative on purpose: whitespace between inline content is kept as one space (Lit text like
// `${count} selected` and `<b>${name}</b> left` renders the same), attribute quotes and empty
// attributes are kept, only comments and whitespace go; CSS goes through Lightning CSS without
// targets (no prefixing or lowering, only minification).
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Only the library's own sources: never dependencies, tests, stories or mocks. */
export const shouldMinify = (id) => {
  const path = relative(root, id.split('?')[0]).split(sep).join('/');
  return /^src\/.*\.[cm]?[jt]s$/.test(path) && !path.endsWith('.d.ts');
};

const htmlOptions = {
  caseSensitive: true,
  collapseWhitespace: true,
  // `a <b>x</b>` keeps its space; whitespace that only indents markup goes.
  conservativeCollapse: true,
  decodeEntities: false,
  removeAttributeQuotes: false,
  removeComments: true,
  removeEmptyAttributes: false,
  removeRedundantAttributes: false,
  removeDefaultTypeAttributes: false,
  useShortDoctype: false,
  minifyJS: false,
  minifyCSS: false,
  keepClosingSlash: true,
};

// minify-literals spreads these over its own defaults, so every option it sets is named here.
let minifier;

/**
 * Returns the source with its templates minified, or `null` when nothing changed. A template the
 * minifier cannot parse is a build error, not a silent skip.
 */
export async function minifyTemplates(code, id) {
  if (!/\b(?:html|svg|css)`/.test(code)) return null;
  minifier ??= import('minify-literals');
  const { minifyHTMLLiterals } = await minifier;
  return minifyHTMLLiterals(code, {
    fileName: id,
    html: htmlOptions,
    css: { minify: true },
    htmlTags: ['html', 'svg'],
    cssTags: ['css'],
  });
}

/** esbuild plugin (scripts/size.mjs). */
export function esbuildMinifyTemplates() {
  return {
    name: 'minify-templates',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
        if (!shouldMinify(args.path)) return undefined;
        const { readFile } = await import('node:fs/promises');
        const source = await readFile(args.path, 'utf8');
        const result = await minifyTemplates(source, args.path);
        return { contents: result?.code ?? source, loader: /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js' };
      });
    },
  };
}

/** Vite/Rolldown plugin (library build only). Runs after TypeScript is stripped. */
export function viteMinifyTemplates() {
  return {
    name: 'hr-minify-templates',
    apply: 'build',
    async transform(code, id) {
      if (!shouldMinify(id)) return undefined;
      const result = await minifyTemplates(code, id);
      return result ? { code: result.code, map: result.map ?? null } : undefined;
    },
  };
}
