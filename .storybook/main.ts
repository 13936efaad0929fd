import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin, PluginOption } from 'vite';

const require = createRequire(import.meta.url);

/**
 * msw's service worker next to iframe.html: served by the dev server (vite.config.ts's
 * `hr-msw-worker`) and emitted into storybook-static/ by this plugin. Only the one file, no copy
 * of msw in the repo.
 */
function emitMswWorker(): Plugin {
  return {
    name: 'hr-msw-worker-emit',
    apply: 'build',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'mockServiceWorker.js',
        source: readFileSync(require.resolve('msw/mockServiceWorker.js'), 'utf8'),
      });
    },
  };
}

/** The project config's plugins that belong to the demo page, not to Storybook. */
const demoOnly = new Set(['hr-demo-at-root']);

function withoutDemoPlugins(plugins: PluginOption[] = []): PluginOption[] {
  return plugins
    .flat(Infinity as 1)
    .filter((plugin) => !(plugin && typeof plugin === 'object' && 'name' in plugin && demoOnly.has(plugin.name)));
}

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  addons: ['msw-storybook-addon', '@storybook/addon-a11y', '@storybook/addon-docs'],
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
  async viteFinal(viteConfig) {
    // Storybook loads vite.config.ts (define NODE_ENV, the define/ side-effects plugin, the msw
    // worker middleware) but keeps only its non-build options.
    viteConfig.plugins = [...withoutDemoPlugins(viteConfig.plugins), emitMswWorker()];
    // @storybook/web-components imports lit/directive-helpers.js, which Vite would serve
    // unbundled next to the pre-bundled lit: two copies of lit-html in dev.
    viteConfig.optimizeDeps = {
      ...viteConfig.optimizeDeps,
      include: [...(viteConfig.optimizeDeps?.include ?? []), 'lit/directive-helpers.js'],
    };
    // axe and the docs renderer are large by nature; the warning says nothing about our code.
    viteConfig.build = { ...viteConfig.build, chunkSizeWarningLimit: 1500 };
    return viteConfig;
  },
};

export default config;
