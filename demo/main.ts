// The demo host page: mounts every element where a host app would put it, runs them on the
// in-browser fake backend, and offers a scenario switch (company size, latency, faults, reset).
import { startFakeBackend, type FakeBackendHandle, type StartFakeBackendOptions } from '../mocks/browser.js';
import type { FaultKind } from '../mocks/faults.js';
import type { SeedSize } from '../mocks/seed.js';
import type { HrInviteList } from '../src/components/hr-invite-list/hr-invite-list.js';
import { configureHrElements } from '../src/data/services.js';
import '../src/define/all.js';
import { setLocale } from '../src/localize/index.js';

const SCENARIO_KEY = 'hr-demo:scenario';
const STATE_KEY = 'hr-demo:state';

interface Scenario {
  size: SeedSize;
  latencyMs: number;
  fault: FaultKind | 'none';
  locale: string;
}

function loadScenario(): Scenario {
  const defaults: Scenario = { size: 'default', latencyMs: 150, fault: 'none', locale: 'en' };
  try {
    return { ...defaults, ...(JSON.parse(localStorage.getItem(SCENARIO_KEY) ?? '{}') as Partial<Scenario>) };
  } catch {
    return defaults;
  }
}

function saveScenario(scenario: Scenario): void {
  localStorage.setItem(SCENARIO_KEY, JSON.stringify(scenario));
}

function applyFaults(fake: FakeBackendHandle, scenario: Scenario): void {
  const faults = [];
  if (scenario.latencyMs > 0) faults.push({ kind: 'latency' as const, ms: scenario.latencyMs });
  if (scenario.fault !== 'none') faults.push({ kind: scenario.fault, retryAfter: 2 });
  fake.faults.set(...faults);
}

function mount(slot: string, tag: string, attributes: Record<string, string> = {}): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.getElementById(slot)?.replaceChildren(element);
  return element;
}

function scenarioPanel(scenario: Scenario, onChange: (next: Scenario) => void, onReset: () => void): HTMLElement {
  const panel = document.createElement('section');
  panel.className = 'scenario';
  panel.setAttribute('aria-labelledby', 'scenario-heading');
  const heading = document.createElement('h2');
  heading.id = 'scenario-heading';
  heading.textContent = 'Demo scenario';
  panel.append(heading);

  const select = (label: string, value: string, options: [string, string][], update: (value: string) => Scenario) => {
    const wrapper = document.createElement('label');
    wrapper.textContent = `${label} `;
    const control = document.createElement('select');
    for (const [optionValue, text] of options) control.add(new Option(text, optionValue, false, optionValue === value));
    control.addEventListener('change', () => onChange(update(control.value)));
    wrapper.append(control);
    panel.append(wrapper);
  };

  select('Company size', scenario.size, [['small', '40 employees'], ['default', '400 employees'], ['large', '50,000 employees']], (size) => ({ ...scenario, size: size as SeedSize }));
  select('Latency', String(scenario.latencyMs), [['0', 'none'], ['150', '150 ms'], ['800', '800 ms'], ['3000', '3 s']], (ms) => ({ ...scenario, latencyMs: Number(ms) }));
  select(
    'Fault',
    scenario.fault,
    [
      ['none', 'none'],
      ['offline', 'offline'],
      ['500', '500 server error'],
      ['503', '503 + Retry-After'],
      ['429', '429 rate limited'],
      ['malformed_json', 'malformed JSON'],
      ['schema_break', 'breaks the contract'],
      ['401', '401 session expired'],
      ['403', '403 forbidden'],
    ],
    (fault) => ({ ...scenario, fault: fault as Scenario['fault'] }),
  );
  select('Language', scenario.locale, [['en', 'English'], ['de', 'Deutsch'], ['nl', 'Nederlands'], ['fr', 'Français'], ['es', 'Español']], (locale) => ({ ...scenario, locale }));

  const reset = document.createElement('button');
  reset.type = 'button';
  reset.textContent = 'Reset demo data';
  reset.addEventListener('click', onReset);
  panel.append(reset);

  const hint = document.createElement('p');
  hint.textContent = 'Try a Personio client id starting with "papi-" and any secret of 12+ characters; "wrong-secret" is rejected.';
  panel.append(hint);
  return panel;
}

async function main(): Promise<void> {
  let scenario = loadScenario();
  const options = (): StartFakeBackendOptions => ({ size: scenario.size, persistKey: `${STATE_KEY}:${scenario.size}`, quiet: true });
  const fake = await startFakeBackend(options());
  applyFaults(fake, scenario);

  configureHrElements({ baseUrl: '/api/hr', headers: () => ({ Authorization: 'Bearer demo-token' }) });
  await setLocale(scenario.locale);

  const change = async (next: Scenario) => {
    const reload = next.size !== scenario.size;
    scenario = next;
    saveScenario(scenario);
    if (reload) {
      location.reload();
      return;
    }
    applyFaults(fake, scenario);
    await setLocale(scenario.locale);
  };
  const reset = async () => {
    localStorage.removeItem(`${STATE_KEY}:${scenario.size}`);
    location.reload();
  };
  document.querySelector('.page-header')?.after(scenarioPanel(scenario, (next) => void change(next), () => void reset()));

  mount('slot-delegation-banner', 'approver-delegation-banner', { 'storage-key': 'hr-demo:dismissed-absences' });
  const status = mount('slot-sync-status', 'hr-sync-status');
  const wizard = mount('slot-wizard', 'hr-connect-wizard', { provider: 'personio' });
  const mapper = mount('slot-team-mapper', 'team-mapper', { 'storage-key': 'hr-demo' });
  const matcher = mount('slot-employee-matcher', 'employee-matcher');
  const invites = mount('slot-invite-list', 'hr-invite-list', { 'app-name': 'Acme Spend', 'sync-url': '' });

  // Host routing: each element says what the admin wants next; the host page decides where.
  const show = (tab: 'users' | 'teams' | 'hr-software', element: HTMLElement) => {
    document.getElementById(`tab-${tab}`)?.click();
    element.scrollIntoView({ block: 'start' });
  };
  status.addEventListener('hr-reconnect-requested', () => show('hr-software', wizard));
  status.addEventListener('hr-new-hires-requested', () => {
    (invites as HrInviteList).showFilter({ newHires: true });
    show('users', invites);
  });
  invites.addEventListener('hr-map-team-requested', () => show('teams', mapper));
  wizard.addEventListener('hr-next-step', (event) => {
    const [tab, element] = ({ 'map-teams': ['teams', mapper], 'link-users': ['users', matcher], invite: ['users', invites] } as const)[event.detail.step];
    show(tab, element);
  });
  document.addEventListener('hr-auth-required', (event) => {
    const message = event.detail.status === 401 ? 'Your session expired (demo: nothing to refresh).' : 'You lack a permission (demo).';
    document.getElementById('demo-toast')?.remove();
    const toast = document.createElement('div');
    toast.id = 'demo-toast';
    toast.setAttribute('role', 'status');
    toast.className = 'toast';
    toast.textContent = message;
    document.body.append(toast);
  });
}

void main();
