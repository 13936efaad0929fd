import { expect } from '@open-wc/testing';
import type { FakeBackendHandle } from '../../mocks/browser.js';
import type { FaultSpec } from '../../mocks/faults.js';
import { endpoints, type EndpointName } from '../../src/contract/endpoints.js';
import de from '../../src/localize/de/common.js';
import { setLocale } from '../../src/localize/index.js';
import { until, useFakeBackend } from '../helpers/fixture.js';
import { clearCaseStorage, elementCases, type ConflictCase, type ElementCase } from './element-cases.js';
import { EventRecorder, mountIn, textIn, waitFor } from './harness.js';

/**
 * Every element × every fault: a visible, localized, recoverable state; nothing the admin typed or
 * selected is lost; no write goes out twice and a retry reuses its Idempotency-Key.
 */

type Fault = 'offline' | 'timeout' | '500' | '503' | '429' | 'malformed_json' | 'schema_break' | '401' | '403';
type Column = Fault | '409/412' | 'partial' | 'de';
const FAULTS: readonly Fault[] = ['offline', 'timeout', '500', '503', '429', 'malformed_json', 'schema_break', '401', '403'];
const COLUMNS: readonly Column[] = [...FAULTS, '409/412', 'partial', 'de'];

/** Client timeout for the timeout cells, and a fake latency well above it. */
const SHORT_TIMEOUT_MS = 1000;
const SLOW_MS = 2500;

const en = {
  offline: 'No connection to the server.',
  timeout: 'The server took too long to answer.',
  '500': 'The server had a problem.',
  '503': 'The server is busy.',
  '429': 'The server is busy.',
  malformed_json: 'The server sent data this page cannot read.',
  schema_break: 'The server sent data this page cannot read.',
  '401': 'Your session has expired.',
  '403': 'You do not have permission to do this.',
  inProgress: 'This change is still being processed.',
  retry: 'Try again',
} as const;

const german = {
  offline: de['common.error.network'],
  '500': de['common.error.server'],
  retry: de['common.retry'],
} as const;

type Lang = 'en' | 'de';
const title = (fault: Fault, lang: Lang): string => (lang === 'en' ? en[fault] : german[fault as keyof typeof german]);

const matrix = new Map<string, Map<Column, string>>();
function mark(tag: string, column: Column, value: string): void {
  if (!matrix.has(tag)) matrix.set(tag, new Map());
  matrix.get(tag)!.set(column, value);
}

/** Runs `body` as one cell: FAIL until it reaches its end. */
function cell(c: ElementCase, column: Column, label: string, body: () => Promise<void>): void {
  it(`${c.tag} × ${column}: ${label}`, async () => {
    mark(c.tag, column, 'FAIL');
    await body();
    mark(c.tag, column, 'pass');
  });
}

function naCell(c: ElementCase, column: Column, reason: string): void {
  mark(c.tag, column, 'N/A');
  it.skip(`${c.tag} × ${column}: N/A — ${reason}`, () => {});
}

function faultSpec(fault: Fault, endpoint: EndpointName, phase: 'load' | 'write'): FaultSpec {
  if (fault === 'timeout') return { kind: 'latency', ms: SLOW_MS, endpoints: [endpoint], ...(phase === 'write' ? { times: 1 } : {}) };
  return { kind: fault, endpoints: [endpoint], retryAfter: 0 };
}

function expectAlert(element: Element | null, what: string): asserts element is Element {
  expect(element, what).to.not.equal(null);
  const alert = element!.getAttribute('role') === 'alert' || element!.querySelector('[role="alert"]') !== null || element!.closest('[role="alert"]') !== null;
  expect(alert, `${what} is announced (role=alert)`).to.equal(true);
}

/** Every logged request of `endpoint` got its answer (a timed-out one keeps running on the fake). */
async function settled(fake: FakeBackendHandle, endpoint: EndpointName): Promise<void> {
  await until(() => fake.log.of(endpoint).every((r) => r.status !== undefined || r.fault === 'offline'), `every ${endpoint} request answered`, 6000);
}

/** No write went out twice: one Idempotency-Key across every attempt and retry, or one success without keys. */
function expectWrittenOnce(fake: FakeBackendHandle, endpoint: EndpointName): void {
  const requests = fake.log.of(endpoint);
  expect(requests.length, `${endpoint} was sent`).to.be.greaterThan(0);
  if (endpoints[endpoint].idempotencyKey) {
    const keys = new Set(requests.map((r) => r.headers['idempotency-key']));
    expect([...keys], `one Idempotency-Key across ${requests.length} ${endpoint} requests (${requests.map((r) => r.status ?? r.fault).join(', ')})`).to.have.length(1);
  } else {
    const applied = requests.filter((r) => r.status !== undefined && r.status < 300);
    expect(applied.map((r) => r.status), `${endpoint} applied once`).to.have.length(1);
  }
}

describe('fault matrix: every element × every fault', function () {
  this.timeout(30_000);
  const fake = useFakeBackend({ size: 'small' });
  let events: EventRecorder;

  beforeEach(() => {
    events = new EventRecorder().start();
  });

  afterEach(async () => {
    events.stop();
    fake.current.faults.clear();
    clearCaseStorage();
    await setLocale('en');
  });

  after(() => {
    const rows = elementCases.filter((c) => matrix.has(c.tag)).map((c) => [c.tag, matrix.get(c.tag)!] as const);
    const head = `| element | ${COLUMNS.join(' | ')} |`;
    const rule = `| --- | ${COLUMNS.map(() => '---').join(' | ')} |`;
    const body = rows.map(([tag, cells]) => `| ${tag} | ${COLUMNS.map((c) => cells.get(c) ?? '—').join(' | ')} |`);
    console.log(['', 'Fault matrix (pass / FAIL / N/A)', head, rule, ...body, ''].join('\n'));
  });

  /** Loads under a fault of the element's read: error shown, localized, announced; Try again (or a re-mount after 403) recovers. */
  async function loadUnder(c: ElementCase, fault: Fault, lang: Lang): Promise<void> {
    await fake.current.reset(c.fake);
    events.clear();
    fake.current.faults.set(faultSpec(fault, c.read, 'load'));
    const { el } = await mountIn(c.template(), { timeout: fault === 'timeout' ? SHORT_TIMEOUT_MS : 3000 });
    await waitFor(() => c.loadError(el), `${c.tag}: the load error (${fault})`, el, 10_000);
    const error = c.loadError(el);
    expectAlert(error, 'the load error');
    expect(textIn(error), 'the load error says what happened').to.contain(title(fault, lang));
    if (lang === 'de') expect(textIn(error), 'no English left').to.not.contain(en[fault]);
    if (fault === '401' || fault === '403') {
      expect(events.of('hr-auth-required').map((e) => e.detail)).to.deep.equal([{ status: Number(fault), endpoint: c.read }]);
    }
    if (fault === '503' || fault === '429') {
      expect(fake.current.log.count(c.read), 'retried after Retry-After before giving up').to.be.at.least(3);
    }
    expect(c.loaded(el), 'no data shown as if loaded').to.equal(false);

    fake.current.faults.clear();
    const retry = error.querySelector<HTMLButtonElement>('[part~="retry-button"]');
    if (retry) {
      expect(textIn(retry)).to.equal(lang === 'en' ? en.retry : german.retry);
      retry.click();
    } else {
      // No Try again where retrying cannot help (403): the host grants access and re-renders the element.
      expect(fault, 'only a refusal comes without Try again').to.equal('403');
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
    }
    await waitFor(() => c.loaded(el), `${c.tag}: loaded after the retry`, el);
    expect(c.loadError(el), 'the error is gone').to.equal(null);
  }

  /** A write under a fault: error shown, input kept, no success claimed; the admin's retry writes exactly once. */
  async function writeUnder(c: ElementCase, fault: Fault, lang: Lang): Promise<void> {
    const w = c.write;
    await fake.current.reset(c.fake);
    events.clear();
    const { el } = await mountIn(c.template(), { timeout: fault === 'timeout' ? SHORT_TIMEOUT_MS : 3000 });
    await until(() => c.loaded(el), `${c.tag}: loaded`);
    await w.prepare(el, fake.current);
    const authBefore = events.count('hr-auth-required');
    fake.current.faults.set(faultSpec(fault, w.endpoint, 'write'));
    await w.trigger(el);
    await waitFor(() => w.error(el), `${c.tag}: the write error (${fault})`, el, 10_000);
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const error = w.error(el);
    expectAlert(error, 'the write error');
    expect(textIn(error), 'the write error says what happened').to.contain(title(fault, lang));
    if (lang === 'de') expect(textIn(error), 'no English left').to.not.contain(en[fault]);
    w.assertKept(el);
    expect(events.count(w.successEvent), 'no success claimed').to.equal(0);
    if (fault === '401' || fault === '403') {
      expect(events.of('hr-auth-required').slice(authBefore).map((e) => e.detail)).to.deep.equal([{ status: Number(fault), endpoint: w.endpoint }]);
    }
    if (fault === '503' || fault === '429') {
      expect(fake.current.log.count(w.endpoint), 'retried after Retry-After before giving up').to.be.at.least(2);
    }

    fake.current.faults.clear();
    await settled(fake.current, w.endpoint);
    await w.retry(el);
    await waitFor(() => events.count(w.successEvent) > 0 && w.done(el), `${c.tag}: the write after the retry`, el);
    expectWrittenOnce(fake.current, w.endpoint);
    expect(events.count(w.successEvent), 'one success event').to.equal(1);
  }

  /** A transient 503 with Retry-After: 1 s on the write is waited out by itself, with the same key. */
  async function writeWaitsOutRetryAfter(c: ElementCase): Promise<void> {
    const w = c.write;
    await fake.current.reset(c.fake);
    events.clear();
    const { el } = await mountIn(c.template());
    await until(() => c.loaded(el), `${c.tag}: loaded`);
    await w.prepare(el, fake.current);
    fake.current.faults.set({ kind: '503', retryAfter: 1, endpoints: [w.endpoint], times: 1 });
    await w.trigger(el);
    await waitFor(() => events.count(w.successEvent) > 0, `${c.tag}: the write after Retry-After`, el);
    const requests = fake.current.log.of(w.endpoint);
    expect(requests.map((r) => r.status)).to.have.length(2);
    expect(requests[0]!.status).to.equal(503);
    expect(requests[1]!.status).to.be.below(300);
    expect(requests[1]!.at - requests[0]!.at, 'waited for Retry-After').to.be.at.least(900);
    expectWrittenOnce(fake.current, w.endpoint);
  }

  /** 409 `request_in_progress`: the retry comes while the first (timed-out) request is still processed. */
  async function retryWhileInProgress(c: ElementCase): Promise<void> {
    const w = c.write;
    await fake.current.reset(c.fake);
    events.clear();
    const { el } = await mountIn(c.template(), { timeout: SHORT_TIMEOUT_MS });
    await until(() => c.loaded(el), `${c.tag}: loaded`);
    await w.prepare(el, fake.current);
    fake.current.faults.set({ kind: 'latency', ms: 3500, endpoints: [w.endpoint], times: 1 });
    await w.trigger(el);
    await waitFor(() => w.error(el), `${c.tag}: the timeout`, el);
    await w.retry(el);
    await until(() => fake.current.log.of(w.endpoint).some((r) => r.status === 409), 'the 409 of the fake', 6000);
    await waitFor(() => textIn(w.error(el)).includes(en.inProgress), `${c.tag}: "still being processed"`, el);
    expectAlert(w.error(el), 'the in-progress notice');
    w.assertKept(el);
    expect(events.count(w.successEvent)).to.equal(0);
    await settled(fake.current, w.endpoint);
    await w.retry(el);
    await waitFor(() => events.count(w.successEvent) > 0 && w.done(el), `${c.tag}: the write after it was processed`, el);
    expectWrittenOnce(fake.current, w.endpoint);
    expect(events.count(w.successEvent)).to.equal(1);
  }

  /** 412: another admin saved meanwhile. A conflict notice, the admin's choice kept, nothing overwritten until they save again. */
  async function conflictOnSave(c: ElementCase, conflict: Required<ConflictCase>): Promise<void> {
    const w = c.write;
    await fake.current.reset(c.fake);
    events.clear();
    const { el } = await mountIn(c.template());
    await until(() => c.loaded(el), `${c.tag}: loaded`);
    await w.prepare(el, fake.current);
    conflict.otherAdminSaves(fake.current);
    await w.trigger(el);
    await waitFor(() => conflict.notice(el), `${c.tag}: the conflict notice`, el);
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expectAlert(conflict.notice(el), 'the conflict notice');
    w.assertKept(el);
    expect(fake.current.log.of(w.endpoint).map((r) => r.status), 'never overwritten silently').to.deep.equal([412]);
    expect(events.count(w.successEvent)).to.equal(0);
    await w.trigger(el);
    await waitFor(() => events.count(w.successEvent) > 0, `${c.tag}: the save on top of theirs`, el);
    const [first, second] = fake.current.log.of(w.endpoint);
    expect(fake.current.log.of(w.endpoint).map((r) => r.status)).to.deep.equal([412, 200]);
    expect(second!.headers['if-match'], 'the second save is based on their version').to.not.equal(first!.headers['if-match']);
    expect(events.count(w.successEvent)).to.equal(1);
  }

  for (const c of elementCases) {
    describe(c.tag, () => {
      for (const fault of FAULTS) {
        const label = fault === '403' ? 'load and write refused; recovers once access is granted' : 'load and write fail visibly and recover';
        cell(c, fault, label, async () => {
          await loadUnder(c, fault, 'en');
          await writeUnder(c, fault, 'en');
          if (fault === '503') await writeWaitsOutRetryAfter(c);
        });
      }

      const conflict = c.conflict;
      if ('na' in conflict) naCell(c, '409/412', conflict.na);
      else if (conflict.kind === '412') {
        cell(c, '409/412', '412 on save: conflict shown, choice kept, saved on top only when asked', () =>
          conflictOnSave(c, conflict as Required<ConflictCase>),
        );
      } else {
        cell(c, '409/412', '409 request_in_progress on a retry: shown, then replayed once', () => retryWhileInProgress(c));
      }

      const partial = c.partial;
      if ('na' in partial) naCell(c, 'partial', partial.na);
      else {
        cell(c, 'partial', partial.label, async () => {
          await fake.current.reset(c.fake);
          events.clear();
          const { el } = await mountIn(c.template());
          await until(() => c.loaded(el), `${c.tag}: loaded`);
          await partial.prepare(el, fake.current);
          if (partial.faults) fake.current.faults.set(...partial.faults);
          await partial.trigger(el);
          await partial.assertPartial(el, fake.current);
          fake.current.faults.clear();
          await partial.retry(el, fake.current);
          partial.assertNotRepeated(fake.current);
        });
      }

      cell(c, 'de', 'in German: load 500 and write offline', async () => {
        await setLocale('de');
        await loadUnder(c, '500', 'de');
        await writeUnder(c, 'offline', 'de');
      });
    });
  }
});
