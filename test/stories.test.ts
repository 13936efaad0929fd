// Every named story of stories/*.stories.ts, rendered in Chromium against the msw fake backend
// (plus the story's own `parameters.msw.handlers`), settled, played, and checked with axe.
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
// @ts-expect-error virtual module served by web-test-runner.config.mjs (imports every stories/*.stories.ts)
import storyFiles from 'virtual:stories';
import { startFakeBackend, type FakeBackendHandle } from '../mocks/browser.js';
import { createQueryClient } from '../src/data/query-client.js';
import '../src/define/hr-api-provider.js';

type Args = Record<string, unknown>;
type Handlers = unknown[] | Record<string, unknown[] | unknown> | undefined;

interface StoryContext {
  args: Args;
  argTypes: Record<string, unknown>;
  globals: Record<string, unknown>;
  parameters: Record<string, unknown>;
  id: string;
  name: string;
  title: string;
  component?: string;
  canvasElement?: HTMLElement;
  step?: (label: string, play: () => unknown) => Promise<void>;
}

type RenderFn = (args: Args, context: StoryContext) => unknown;
type Decorator = (story: () => unknown, context: StoryContext) => unknown;

interface StoryAnnotations {
  name?: string;
  args?: Args;
  render?: RenderFn;
  decorators?: Decorator[];
  parameters?: { msw?: { handlers?: Handlers } } & Record<string, unknown>;
  tags?: string[];
  play?: (context: StoryContext & { canvasElement: HTMLElement }) => unknown;
}

interface Meta extends StoryAnnotations {
  title?: string;
  component?: string;
  excludeStories?: string[] | RegExp;
  includeStories?: string[] | RegExp;
}

const SETTLE_TIMEOUT_MS = 3000;
/** Settling, play and axe on a large story (hundreds of rows) take longer than mocha's default. */
const STORY_TIMEOUT_MS = 60_000;

const modules = storyFiles as Array<[string, Record<string, unknown>]>;

function isStoryExport(meta: Meta, name: string): boolean {
  if (name === 'default' || name === '__namedExportsOrder') return false;
  const matches = (rule: string[] | RegExp | undefined) =>
    rule === undefined ? undefined : Array.isArray(rule) ? rule.includes(name) : rule.test(name);
  if (matches(meta.excludeStories) === true) return false;
  if (matches(meta.includeStories) === false) return false;
  return true;
}

function storiesOf(module: Record<string, unknown>): Array<[string, StoryAnnotations]> {
  const meta = (module.default ?? {}) as Meta;
  const order = (module.__namedExportsOrder as string[] | undefined) ?? Object.keys(module);
  return order
    .filter((name) => isStoryExport(meta, name))
    .map((name): [string, StoryAnnotations] => {
      const value = module[name];
      return [name, typeof value === 'function' ? { render: value as RenderFn } : (value as StoryAnnotations)];
    })
    .filter(([, story]) => !![...(meta.tags ?? []), ...(story.tags ?? [])].every((tag) => tag !== '!test'));
}

/** msw-storybook-addon accepts an array of handlers or an object of named arrays. */
function flattenHandlers(handlers: Handlers): unknown[] {
  if (!handlers) return [];
  if (Array.isArray(handlers)) return handlers.flat();
  return Object.values(handlers).flatMap((value) => (Array.isArray(value) ? value : value ? [value] : []));
}

/** Elements in the story, shadow roots included. */
function deepElements(root: Element | ShadowRoot): Element[] {
  const found: Element[] = [];
  const walk = (node: Element | ShadowRoot) => {
    for (const element of node.querySelectorAll('*')) {
      found.push(element);
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  walk(root);
  return found;
}

async function allUpdatesComplete(root: Element): Promise<void> {
  for (let round = 0; round < 10; round++) {
    const pending = deepElements(root)
      .map((element) => (element as Partial<{ updateComplete: Promise<unknown> }>).updateComplete)
      .filter((promise): promise is Promise<unknown> => promise instanceof Promise);
    const results = await Promise.all(pending);
    if (results.every((done) => done !== false)) return;
  }
}

/** Lit updates done, no query in flight and nothing `aria-busy`, or SETTLE_TIMEOUT_MS passed. */
async function settle(root: Element, isFetching: () => number): Promise<void> {
  const start = performance.now();
  await allUpdatesComplete(root);
  while (performance.now() - start < SETTLE_TIMEOUT_MS) {
    const busy = deepElements(root).some((element) => element.getAttribute('aria-busy') === 'true');
    if (!busy && isFetching() === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await allUpdatesComplete(root);
  }
  await allUpdatesComplete(root);
}

function renderStory(meta: Meta, story: StoryAnnotations, context: StoryContext): unknown {
  const render = story.render ?? meta.render;
  let run: () => unknown = render
    ? () => render(context.args, context)
    : () => {
        if (!meta.component) throw new Error('a story needs a render function or meta.component');
        return Object.assign(document.createElement(meta.component), context.args);
      };
  for (const decorator of [...(story.decorators ?? []), ...(meta.decorators ?? [])]) {
    const inner = run;
    run = () => decorator(inner, context);
  }
  return run();
}

const stories = modules.flatMap(([file, module]) =>
  storiesOf(module).map(([name, story]) => ({ file, name, meta: (module.default ?? {}) as Meta, story })),
);

describe('stories', () => {
  let fake: FakeBackendHandle | undefined;

  before(async () => {
    if (stories.length > 0) fake = await startFakeBackend({ quiet: true });
  });

  afterEach(async () => {
    await fake?.reset();
  });

  for (const { file, name, meta, story } of stories) {
    it(`${file} › ${name}`, async function () {
      this.timeout(STORY_TIMEOUT_MS);
      await fake?.reset();
      const handlers = flattenHandlers(story.parameters?.msw?.handlers ?? meta.parameters?.msw?.handlers);
      if (handlers.length) fake?.use(...(handlers as Parameters<FakeBackendHandle['use']>));

      const args = { ...meta.args, ...story.args };
      const parameters = { ...meta.parameters, ...story.parameters };
      const context: StoryContext = {
        args,
        argTypes: {},
        globals: { locale: 'en', theme: 'light' },
        parameters,
        id: `${file}--${name}`,
        name: story.name ?? name,
        title: meta.title ?? file,
        component: meta.component,
      };

      const queryClient = createQueryClient({ retryDelayMs: 5 });
      const content = renderStory(meta, story, context) as TemplateResult | Node;
      const container = await fixture<HTMLElement>(
        html`<div class="story-canvas"><hr-api-provider .queryClient=${queryClient}>${content}</hr-api-provider></div>`,
      );
      const canvasElement = container.querySelector('hr-api-provider') as HTMLElement;
      const isFetching = () => queryClient.isFetching() + queryClient.isMutating();

      await settle(container, isFetching);
      if (story.play) {
        await story.play({
          ...context,
          canvasElement,
          step: async (_label, play) => {
            await play();
          },
        });
        await settle(container, isFetching);
      }

      await expect(container).to.be.accessible();
      queryClient.clear();
    });
  }
});
