// What the three host tests (plain HTML, React 19, Vue 3) share: the elements a host mounts,
// how to tell that they loaded, and the one flow each host completes.
import type { EndpointName } from '../../src/contract/index.js';
import type { LoggedRequest } from '../../mocks/request-log.js';
import { until } from '../helpers/wait.js';

/** Every element a host page mounts. A new element: one line here and one in each host. */
export const HOST_TAGS = [
  'hr-connect-wizard',
  'team-mapper',
  'employee-matcher',
  'hr-invite-list',
  'approver-delegation-banner',
  'hr-sync-status',
] as const;

export type HostTag = (typeof HOST_TAGS)[number];

/** One read each element makes on mount (reads the elements share go through one cache). */
export const MOUNT_READS: readonly EndpointName[] = [
  'getConnection',
  'getTeamMapping',
  'getUserLinks',
  'listInviteCandidates',
  'listApproverAbsences',
  'getOffboardingSettings',
];

/** The token every host configures once; the fake must see it on every request. */
export const hostToken = (host: string) => `Bearer ${host}-host-token`;

/** An element has rendered its data: upgraded, no loading or error state anywhere in it. */
export function settled(element: Element | null): boolean {
  const root = element?.shadowRoot;
  if (!root || root.childElementCount === 0) return false;
  return !root.querySelector('[part~="loading"], [aria-busy="true"], [part~="error"]');
}

/** Waits until every host element in `root` has loaded its data. */
export async function untilAllSettled(root: ParentNode): Promise<void> {
  for (const tag of HOST_TAGS) {
    await until(() => settled(root.querySelector(tag)), `<${tag}> to load`, 8000);
  }
}

/** Requests to the fake that lacked the host's Authorization header (should be none). */
export function withoutToken(entries: readonly LoggedRequest[], token: string): string[] {
  return entries.filter((e) => e.headers['authorization'] !== token).map((e) => `${e.method} ${e.path}`);
}

function button(element: Element, name: RegExp): HTMLButtonElement {
  const found = [...(element.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => name.test(b.textContent ?? ''));
  if (!found) throw new Error(`no button ${name} in <${element.localName}>`);
  return found;
}

/** The flow every host completes in `<hr-sync-status>`: set the grace period and save. */
export async function saveGraceDays(syncStatus: Element, days: number): Promise<void> {
  const input = syncStatus.shadowRoot?.querySelector<HTMLInputElement>('input[name="graceDays"]');
  if (!input) throw new Error('no grace-days field in <hr-sync-status>');
  input.value = String(days);
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  const save = button(syncStatus, /Save settings/);
  await until(() => !save.disabled, 'Save settings to be enabled');
  save.click();
}

/** Presses "Review new hires" in `<hr-sync-status>`. */
export function reviewNewHires(syncStatus: Element): void {
  button(syncStatus, /Review new hires/).click();
}
