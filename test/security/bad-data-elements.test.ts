/**
 * Bad data, element level: every element is mounted against generated answers for the reads it
 * shows (served through msw in front of the fake backend). A broken answer must end in a
 * contract-error state that names a really wrong field; a valid extreme answer must render without
 * breaking the layout (long strings wrap or are cut, nothing wider than the element). Neither may
 * throw an uncaught error.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { http, HttpResponse } from 'msw';
import { endpoints, type EndpointName } from '../../src/contract/endpoints.js';
import { mount, textOf, until, useFakeBackend } from '../helpers/fixture.js';
import { ELEMENTS, idle, registeredElementTags } from './elements.js';
import { abbreviate, accepts, breakBody, pointerProblem, validArb, type BrokenBody, type Schema } from './schema-tools.js';

const RUNS_PER_ELEMENT = 30;
const CONTRACT_TITLE = 'The server sent data this page cannot read.';
/** Sub-pixel rounding and a focus ring may stick out this far. */
const OVERFLOW_TOLERANCE = 2;

interface Served {
  name: EndpointName;
  text: string;
  broken: BrokenBody | null;
}

/** Counterexamples print short: huge strings would drown the report. */
function printable(served: Served): Served {
  return Object.assign(served, {
    [fc.toStringMethod]: () => `${served.name} ${served.broken ? `broken at ${JSON.stringify(served.broken.breaks)}` : 'valid'}: ${abbreviate(served.text)}`,
  });
}

const schemaOf = (name: EndpointName) => endpoints[name].response as Schema;

function answerArb(name: EndpointName): fc.Arbitrary<Served> {
  const schema = schemaOf(name);
  const broken = fc
    .tuple(
      validArb(schema, { maxList: 3, huge: false, extraFields: true }),
      fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 2 }),
      fc.option(fc.nat(), { nil: null, freq: 8 }),
    )
    .map(([base, picks, whole]): Served => {
      const body = breakBody(schema, base, picks, whole);
      return printable({ name, text: body.text, broken: body });
    });
  const valid = validArb(schema, { maxList: 4, huge: true, extraFields: true }).map((body) => printable({ name, text: JSON.stringify(body), broken: null }));
  return fc.oneof({ weight: 2, arbitrary: broken }, { weight: 1, arbitrary: valid });
}

/** Every element in the host's shadow tree (nested shadow roots included). */
function deepElements(host: Element): Element[] {
  const all: Element[] = [];
  const walk = (root: ParentNode) => {
    for (const child of root.querySelectorAll('*')) {
      all.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
    }
  };
  walk(host.shadowRoot!);
  return all;
}

const describeElement = (e: Element) =>
  `<${e.localName}${e.getAttribute('part') ? ` part=${e.getAttribute('part')}` : ''}${e.className ? ` class=${String(e.className)}` : ''}> ${abbreviate((e.textContent ?? '').trim()).slice(0, 80)}`;

/** The innermost elements that stick out of the host on the inline end. */
function overflowing(host: Element): string[] {
  const right = host.getBoundingClientRect().right + OVERFLOW_TOLERANCE;
  const out = deepElements(host).filter((e) => e.getBoundingClientRect().right > right);
  return out.filter((e) => !out.some((o) => o !== e && e.contains(o))).slice(0, 5).map(describeElement);
}

const parentOf = (e: Element): Element | null => e.parentElement ?? ((e.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;

/**
 * An ancestor inside the host cuts `e` off (overflow hidden, e.g. an ellipsis) to a box no wider
 * than the host. A scroll container does not count: a string that needs scrolling is not wrapped.
 */
function clipped(e: Element, host: Element): boolean {
  for (let a = parentOf(e); a && a !== host; a = parentOf(a)) {
    if (['hidden', 'clip'].includes(getComputedStyle(a).overflowX) && a.getBoundingClientRect().width <= host.clientWidth + OVERFLOW_TOLERANCE) return true;
  }
  return false;
}

/**
 * Long strings neither wrapped nor cut off: an element holding 200+ characters of its own text, or
 * a form control, wider than the host and not inside a box that hides its overflow. (A table may
 * be wider than the host by design, in a scroll container; a string may not.)
 */
function unwrapped(host: Element): string[] {
  const width = host.clientWidth + OVERFLOW_TOLERANCE;
  return deepElements(host)
    .filter((e) => {
      const ownText = [...e.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim();
      const control = ['input', 'select', 'textarea', 'button'].includes(e.localName);
      return (ownText.length >= 200 || control) && e.getBoundingClientRect().width > width && !clipped(e, host);
    })
    .slice(0, 5)
    .map(describeElement);
}

/** The shadow root's alerts, whitespace collapsed. */
const alerts = (el: Element) => [...el.shadowRoot!.querySelectorAll('[role="alert"]')].map((a) => (a.textContent ?? '').replace(/\s+/g, ' ').trim());

describe('bad data: every element against generated answers', () => {
  const fake = useFakeBackend({ size: 'small' });
  const uncaught: string[] = [];
  const onError = (event: ErrorEvent) => uncaught.push(String(event.error?.stack ?? event.message));
  const onRejection = (event: PromiseRejectionEvent) => uncaught.push(String((event.reason as Error)?.stack ?? event.reason));

  before(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });

  it('has a case for every element the library registers', () => {
    expect(ELEMENTS.map((c) => c.tag).sort()).to.deep.equal(registeredElementTags().sort());
  });

  for (const element of ELEMENTS) {
    const served = [...element.reads, ...element.extras];

    it(`${element.name}: ${RUNS_PER_ELEMENT} generated answers for ${served.join(', ')}`, async function () {
      this.timeout(90_000);
      await fake.current.reset(element.fake);
      let current: Served | null = null;
      let hits = 0;
      fake.current.use(
        ...served.map((name) =>
          http[endpoints[name].method.toLowerCase() as 'get'](`/api/hr${endpoints[name].path.replace(/\{(\w+)\}/g, ':$1')}`, () => {
            if (current?.name !== name) return undefined;
            hits++;
            return new HttpResponse(current.text, { status: endpoints[name].status, headers: { 'Content-Type': 'application/json' } });
          }),
        ),
      );

      const property = fc.asyncProperty(fc.constantFrom(...served).chain(answerArb), async (answer) => {
        current = answer;
        hits = 0;
        uncaught.length = 0;
        const el = await mount<HTMLElement>(element.template());
        try {
          await until(() => hits > 0 && idle(el), `${answer.name} to be answered and shown`);
          await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
          const shown = element.reads.includes(answer.name);
          if (answer.broken && shown) {
            await until(() => alerts(el).some((a) => a.includes(CONTRACT_TITLE)), 'a contract-error state');
            const alert = alerts(el).find((a) => a.includes(CONTRACT_TITLE))!;
            const pointer = /Unexpected value at (\/\S*)\. /.exec(alert)?.[1] ?? '';
            const wrong = pointerProblem(schemaOf(answer.name), answer.broken, pointer);
            if (wrong) throw new Error(`${element.name}/${answer.name}: the error state names ${pointer || 'no field'}: ${wrong}`);
          }
          if (!answer.broken) {
            expect(accepts(schemaOf(answer.name), JSON.parse(answer.text)), 'generated a valid body').to.equal(true);
            expect(textOf(el)).not.to.contain(CONTRACT_TITLE);
            const wide = unwrapped(el);
            if (wide.length) throw new Error(`${element.name}/${answer.name}: long text neither wrapped nor cut off (element ${el.clientWidth}px): ${wide.join(' | ')}`);
            const overflow = el.scrollWidth - el.clientWidth;
            if (overflow > OVERFLOW_TOLERANCE) {
              throw new Error(`${element.name}/${answer.name}: content is ${overflow}px wider than the element (${el.clientWidth}px): ${overflowing(el).join(' | ')}`);
            }
          }
          if (uncaught.length) throw new Error(`uncaught: ${uncaught.join('\n')}`);
        } finally {
          el.closest('hr-api-provider')?.remove();
        }
      });
      await fc.assert(property, { numRuns: RUNS_PER_ELEMENT, includeErrorInReport: true });
    });
  }
});
