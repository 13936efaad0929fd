/// <reference types="vite/client" />
import type { Decorator, Loader, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import type { QueryClient } from '@tanstack/query-core';
import { html } from 'lit';
import type { RequestHandler } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import manifest from '../custom-elements.json';
import { createQueryClient } from '../src/data/query-client.js';
import '../src/define/hr-api-provider.js';
import { setLocale } from '../src/localize/index.js';

setCustomElementsManifest(manifest);

interface FakeBackend {
  worker: SetupWorker;
  reset(): unknown;
}

// Relative, so a storybook-static deployed under a sub-path still finds its worker.
const serviceWorkerUrl = './mockServiceWorker.js';

// The stateful fake backend from mocks/browser.ts provides the default handlers of every story;
// a story adds its own through `parameters.msw.handlers`. The glob keeps Storybook building
// while that module does not exist.
const fakeBackendModule = import.meta.glob<{
  startFakeBackend(options?: { quiet?: boolean; serviceWorkerUrl?: string }): Promise<FakeBackend>;
}>('../mocks/browser.ts');

let backend: Promise<FakeBackend> | undefined;

function startBackend(): Promise<FakeBackend> {
  backend ??= (async () => {
    const load = fakeBackendModule['../mocks/browser.ts'];
    if (load) {
      const { startFakeBackend } = await load();
      return startFakeBackend({ quiet: true, serviceWorkerUrl });
    }
    const worker = setupWorker(...([] as RequestHandler[]));
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: serviceWorkerUrl } });
    return { worker, reset: () => undefined };
  })();
  return backend;
}

const applyStoryHandlers = mswLoader(async () => (await startBackend()).worker);

/** Fresh fake-backend state, then the story's handlers (msw-storybook-addon), then the locale. */
const prepare: Loader = async (context) => {
  await (await startBackend()).reset();
  await applyStoryHandlers(context);
  await setLocale(String(context.globals.locale ?? 'en'));
  return {};
};

const queryClients = new Map<string, QueryClient>();

/** Every story gets its own query cache, so one story's data never shows in another. */
const withProvider: Decorator = (story, context) => {
  let queryClient = queryClients.get(context.id);
  if (!queryClient) {
    queryClient = createQueryClient();
    queryClients.set(context.id, queryClient);
  }
  return html`<hr-api-provider .queryClient=${queryClient}>${story()}</hr-api-provider>`;
};

/** A host's brand, set the way a host would: public custom properties on an ancestor. */
const BRAND: Record<string, string> = {
  '--hr-color-primary': '#0f766e',
  '--hr-color-focus': '#0f766e',
  '--hr-radius': '12px',
  '--hr-font-family': 'Georgia, "Times New Roman", serif',
  '--hr-color-surface-raised': '#f0fdfa',
};

/** Toolbar globals: locale (the elements re-render through @localized), theme and density. */
const withLocaleAndTheme: Decorator = (story, context) => {
  const locale = String(context.globals.locale ?? 'en');
  const theme = context.globals.theme === 'dark' ? 'dark' : 'light';
  const brand = context.globals.theme === 'brand';
  const density = context.globals.density === 'compact' ? 'compact' : 'comfortable';
  const root = document.documentElement;
  if (root.lang !== locale) {
    root.lang = locale;
    void setLocale(locale);
  }
  root.style.colorScheme = theme;
  root.dataset.theme = theme;
  document.body.style.background = theme === 'dark' ? '#101214' : '';
  document.body.style.color = theme === 'dark' ? '#eceef0' : '';
  for (const [name, value] of Object.entries(BRAND)) {
    if (brand) root.style.setProperty(name, value);
    else root.style.removeProperty(name);
  }
  // Density is an attribute of each element: set it on the story's elements once they render.
  requestAnimationFrame(() => {
    for (const element of document.querySelectorAll('#storybook-root *')) {
      if (!element.localName.includes('-') || element.localName === 'hr-api-provider') continue;
      if (density === 'compact') element.setAttribute('density', 'compact');
      else element.removeAttribute('density');
    }
  });
  return story();
};

const preview: Preview = {
  tags: ['autodocs'],
  loaders: [prepare],
  decorators: [withProvider, withLocaleAndTheme],
  globalTypes: {
    locale: {
      description: 'Language of the elements',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'de', title: 'Deutsch' },
          { value: 'nl', title: 'Nederlands' },
          { value: 'fr', title: 'Français' },
          { value: 'es', title: 'Español' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour scheme of the page',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
          { value: 'brand', title: 'Host brand', icon: 'paintbrush' },
        ],
        dynamicTitle: true,
      },
    },
    density: {
      description: 'Spacing of the elements (density attribute)',
      toolbar: {
        title: 'Density',
        icon: 'component',
        items: [
          { value: 'comfortable', title: 'Comfortable' },
          { value: 'compact', title: 'Compact' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light', density: 'comfortable' },
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
    docs: { toc: true },
  },
};

export default preview;
