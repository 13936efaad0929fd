/**
 * XSS: the fake backend's answers are poisoned on the way out — every free-text string (names,
 * e-mails, team and cost-centre names, provider texts, reasons, status details, problem titles
 * and details; not ids, enums, dates or URLs) becomes a hostile payload — and every element is
 * mounted and driven to its detail views. Nothing may run (`window.__xss`, dialogs), no element a
 * payload describes may appear in any shadow root, no script URL may land in an attribute, and the
 * payloads must show up as text.
 */
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { ApiClient } from '../../src/api/client.js';
import { HrApiError } from '../../src/api/errors.js';
import { Problem } from '../../src/contract/common.js';
import { endpoints, type EndpointName } from '../../src/contract/endpoints.js';
import { PERSONIO } from '../../mocks/seed.js';
import type { FakeResponse } from '../../mocks/fake-backend.js';
import { mount, textOf, until, useFakeBackend } from '../helpers/fixture.js';
import { ELEMENT_CASES, ELEMENTS, idle, interposedHandlers, registeredElementTags } from './elements.js';
import { mapFreeText, type Schema, type Segment } from './schema-tools.js';
import { FOREIGN_TAGS, SCRIPT_SCHEME, URL_ATTRIBUTES, XSS_PAYLOADS } from './xss-payloads.js';

declare global {
  interface Window {
    __xss?: unknown;
  }
}

const ROTATIONS = 3;
const ALL = XSS_PAYLOADS.join(' ');
/** Strings that are machine values, not text, though the contract types them as plain strings. */
const MACHINE_KEYS = new Set(['version', 'nextCursor', 'id', 'employeeId', 'userId', 'pointer', 'code', 'type', 'instance']);
const SCOPE_KEYS = new Set(['grantedScopes', 'missingScopes']);
const isText = (path: Segment[]) => {
  const last = [...path].reverse().find((s) => typeof s === 'string');
  return !(last !== undefined && MACHINE_KEYS.has(last)) && !path.some((s) => typeof s === 'string' && SCOPE_KEYS.has(s));
};

type Mode = { kind: 'rotation'; offset: number } | { kind: 'all' } | { kind: 'problem' };

/** Replaces every text leaf of every answer with payloads, counting what it poisoned. */
class Poisoner {
  readonly hits = new Map<EndpointName, number>();
  readonly placed = new Set<string>();
  #next = 0;

  constructor(
    private readonly mode: Mode,
    private readonly problemFor: EndpointName,
  ) {}

  #payload(): string {
    const payload = this.mode.kind === 'rotation' ? XSS_PAYLOADS[(this.#next++ * 7 + this.mode.offset) % XSS_PAYLOADS.length]! : ALL;
    this.placed.add(payload);
    return payload;
  }

  readonly interpose = (name: EndpointName, response: FakeResponse): FakeResponse => {
    this.hits.set(name, (this.hits.get(name) ?? 0) + 1);
    if (this.mode.kind === 'problem' && name === this.problemFor) {
      const problem = { type: 'about:blank', title: ALL, status: 422, detail: ALL, code: 'validation_failed', errors: [{ pointer: '/x', detail: ALL }] };
      return { status: 422, body: problem, headers: {} };
    }
    const schema = (response.status >= 400 ? Problem : endpoints[name].response) as Schema | null;
    if (!schema || response.body === null) return response;
    const body = mapFreeText(schema, response.body, (text, path) => (isText(path) ? this.#payload() : text)) as FakeResponse['body'];
    return { ...response, body };
  };
}

/** Finds what a payload would have created, in the document and every shadow root, as it happens. */
class Watch {
  readonly findings: string[] = [];
  readonly #observed = new WeakSet<Node>();
  readonly #observers: MutationObserver[] = [];

  #check(element: Element): void {
    const root = element.getRootNode();
    const what = `<${element.localName}> in ${root instanceof ShadowRoot ? root.host.localName : 'the document'}`;
    if (element.hasAttribute('data-xss')) this.findings.push(`${what} from a payload (data-xss)`);
    // The test page itself has scripts and links; the elements' shadow trees have none.
    if (!(root instanceof ShadowRoot)) return;
    if (FOREIGN_TAGS.includes(element.localName)) this.findings.push(`${what}: a tag no template uses`);
    for (const attr of element.attributes) {
      if (/^on/i.test(attr.name)) this.findings.push(`${what} has an inline handler ${attr.name}`);
      if (URL_ATTRIBUTES.includes(attr.name.toLowerCase()) && SCRIPT_SCHEME.test(attr.value)) this.findings.push(`${what} has ${attr.name}="${attr.value.slice(0, 60)}"`);
    }
  }

  #observe(root: Node): void {
    if (this.#observed.has(root)) return;
    this.#observed.add(root);
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'attributes' && record.target instanceof Element) this.#check(record.target);
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue;
          this.#check(node);
          for (const inner of node.querySelectorAll('*')) this.#check(inner);
        }
      }
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true });
    this.#observers.push(observer);
  }

  /** Checks everything now and watches every shadow root found. */
  scan(root: Document | ShadowRoot = document): void {
    this.#observe(root);
    for (const element of root.querySelectorAll('*')) {
      this.#check(element);
      if (element.shadowRoot) this.scan(element.shadowRoot);
    }
  }

  stop(): void {
    for (const observer of this.#observers) observer.disconnect();
  }
}

/** Every text node, attribute value and form value in the host's shadow tree. */
function shownStrings(host: Element): string[] {
  const out: string[] = [];
  const walk = (root: ShadowRoot) => {
    const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) out.push(node.textContent ?? '');
    for (const element of root.querySelectorAll('*')) {
      for (const attr of element.attributes) out.push(attr.value);
      if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) out.push(element.value);
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  walk(host.shadowRoot!);
  return out;
}

let sentinel = 0;
/** Answers the sentinel image of {@link settle} (inside the service worker: no 404s in the server log). */
const sentinelHandler = http.get('/__xss-sentinel/:n', () => new HttpResponse('none', { status: 404 }));

/** Lets images a payload might have created fail to load (their onerror would run by then). */
async function settle(): Promise<void> {
  const image = new Image();
  const failed = new Promise((resolve) => image.addEventListener('error', resolve, { once: true }));
  image.src = `/__xss-sentinel/${++sentinel}.png`;
  await failed;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

describe('XSS: hostile text from the backend', () => {
  const fake = useFakeBackend({ size: 'small' });
  const dialogs = { alert: window.alert, confirm: window.confirm, prompt: window.prompt };

  before(() => {
    window.alert = () => void (window.__xss = 'alert');
    window.confirm = () => ((window.__xss = 'confirm'), false);
    window.prompt = () => ((window.__xss = 'prompt'), null);
  });
  after(() => Object.assign(window, dialogs));

  it(`has a corpus of ${XSS_PAYLOADS.length} distinct payloads and a case for every element`, () => {
    expect(new Set(XSS_PAYLOADS).size).to.equal(XSS_PAYLOADS.length);
    expect(XSS_PAYLOADS.length).to.be.at.least(50);
    expect([...new Set(ELEMENTS.map((c) => c.tag))].sort()).to.deep.equal(registeredElementTags().sort());
  });

  it('catches a payload in an element that renders text as HTML (control)', async () => {
    fake.current.use(sentinelHandler);
    class UnsafeProbe extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'open' });
      }
      set text(value: string) {
        this.shadowRoot!.innerHTML = `<p>${value}</p>`;
      }
    }
    if (!customElements.get('xss-unsafe-probe')) customElements.define('xss-unsafe-probe', UnsafeProbe);
    const probe = document.createElement('xss-unsafe-probe') as UnsafeProbe;
    document.body.append(probe);
    const watch = new Watch();
    watch.scan();
    window.__xss = undefined;
    try {
      probe.text = '<img src="data:image/png;base64,AAAA" onerror="window.__xss=2" data-xss>';
      await settle();
      watch.scan();
      expect(window.__xss).to.equal(2);
      expect(watch.findings.join('\n')).to.contain('data-xss').and.contain('inline handler onerror').and.contain('a tag no template uses');
    } finally {
      watch.stop();
      probe.remove();
      window.__xss = undefined;
    }
  });

  it('refuses a provider docsUrl that is not http(s) as a contract error', async () => {
    for (const docsUrl of ['javascript:alert(1)', 'JavaScript:window.__xss=1', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'ftp://docs.example/']) {
      const body = JSON.stringify({ items: [{ ...PERSONIO, docsUrl }] });
      const client = new ApiClient({ baseUrl: '/api/hr', fetch: () => Promise.resolve(new Response(body, { headers: { 'Content-Type': 'application/json' } })) });
      const error = await client.request('listProviders', {}).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, docsUrl).to.be.instanceOf(HrApiError);
      expect((error as HrApiError).kind).to.equal('contract');
      expect((error as HrApiError).path).to.equal('/items/0/docsUrl');
    }
  });

  it('the wizard shows a contract error, and no link, for a javascript: docsUrl', async () => {
    await fake.current.reset({ size: 'small', connection: 'disconnected' });
    fake.current.use(http.get('/api/hr/providers', () => HttpResponse.json({ items: [{ ...PERSONIO, docsUrl: 'javascript:window.__xss=1' }] })));
    window.__xss = undefined;
    const el = await mount<HTMLElement>(ELEMENTS.find((c) => c.tag === 'hr-connect-wizard')!.template());
    await until(() => el.shadowRoot!.querySelector('[role="alert"]'), 'the error state');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('Unexpected value at /items/0/docsUrl');
    expect(el.shadowRoot!.querySelector('a')).to.equal(null);
    expect(window.__xss).to.equal(undefined);
  });

  for (const element of ELEMENT_CASES) {
    it(`${element.name}: nothing runs and nothing is parsed as HTML`, async function () {
      this.timeout(60_000);
      const modes: Mode[] = [...Array.from({ length: ROTATIONS }, (_, i) => ({ kind: 'rotation', offset: i * 23 }) as Mode), { kind: 'all' }, { kind: 'problem' }];
      const shown = new Set<string>();
      const placed = new Set<string>();
      for (const mode of modes) {
        await fake.current.reset(element.fake);
        const poisoner = new Poisoner(mode, element.reads[0]!);
        fake.current.use(sentinelHandler, ...interposedHandlers(() => fake.current.backend, fake.current.log, poisoner.interpose));
        window.__xss = undefined;
        const watch = new Watch();
        watch.scan();
        const el = await mount<HTMLElement>(element.template());
        try {
          // A refused first read stops the others (the problem mode refuses reads[0]).
          const needed = mode.kind === 'problem' ? element.reads.slice(0, 1) : element.reads;
          await until(() => idle(el) && needed.every((r) => poisoner.hits.has(r)), `${element.name} to load`).catch((error: Error) => {
            throw new Error(`${error.message}; answered: ${[...poisoner.hits.keys()].join(', ')}; shows: ${textOf(el).slice(0, 300)}`);
          });
          watch.scan();
          if (mode.kind !== 'problem') await element.drive?.(el);
          await settle();
          watch.scan();
          const where = `${element.name} (${mode.kind}${mode.kind === 'rotation' ? ` ${mode.offset}` : ''})`;
          expect(window.__xss, `${where}: a payload ran`).to.equal(undefined);
          expect(watch.findings, `${where}: parsed as HTML`).to.deep.equal([]);
          const strings = shownStrings(el);
          if (mode.kind !== 'rotation') {
            expect(strings.some((s) => s.includes(ALL)), `${where}: the whole corpus shows as text`).to.equal(true);
          }
          if (mode.kind === 'rotation' && mode.offset === 0) {
            for (const endpoint of element.details ?? []) expect(poisoner.hits.has(endpoint), `${where}: reached ${endpoint}`).to.equal(true);
          }
          for (const payload of poisoner.placed) {
            placed.add(payload);
            if (strings.some((s) => s.includes(payload))) shown.add(payload);
          }
        } finally {
          watch.stop();
          el.closest('hr-api-provider')?.remove();
        }
      }
      expect(shown.size, `payloads shown verbatim as text, of ${placed.size} placed`).to.be.greaterThan(0);
      console.warn(`xss ${element.name}: ${shown.size} of ${placed.size} placed payloads shown verbatim`);
    });
  }
});
