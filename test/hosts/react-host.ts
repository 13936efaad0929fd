// A React 19 host admin page, written as a host developer would: the elements are used like
// any DOM element, with properties and `on<event-name>` props (React 19 passes both natively).
// Configuration once, for all elements: an <hr-api-provider> around them.
// JSX would read `<hr-sync-status headingLevel={2} onhr-offboarding-saved={…} />`; the test
// runner does not transform JSX, so `el()` is createElement typed by the same IntrinsicElements.
import { createElement, useState, type JSX, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import '../../src/define/all.js';
import type {} from '../../src/types/react.js';
import type { HrAuthRequiredEvent, HrOffboardingSavedEvent } from '../../src/index.js';

type Intrinsic = JSX.IntrinsicElements;

/** `createElement` for the elements, props checked against the generated JSX typings. */
export function el<K extends keyof Intrinsic>(tag: K, props: Intrinsic[K] | null, ...children: ReactNode[]) {
  return createElement(tag, props, ...children);
}

export interface ReactHostProps {
  baseUrl: string;
  token: string;
  /** Every `hr-…` event the page received, for the test to inspect. */
  onHrEvent?: (event: Event) => void;
}

export function AdminPage({ baseUrl, token, onHrEvent }: ReactHostProps) {
  const [activity, setActivity] = useState<string[]>([]);
  const note = (line: string, event: Event) => {
    setActivity((lines) => [...lines, line]);
    onHrEvent?.(event);
  };
  const onAuth = (event: HrAuthRequiredEvent) => note(`auth required: ${event.detail.status}`, event);
  const onSaved = (event: HrOffboardingSavedEvent) =>
    note(`Offboarding saved: ${event.detail.enabled ? 'on' : 'off'}, ${event.detail.graceDays} days`, event);

  return createElement(
    'main',
    null,
    createElement('h1', null, 'Users & Teams'),
    el(
      'hr-api-provider',
      { baseUrl, headers: () => ({ Authorization: token }) },
      el('approver-delegation-banner', { 'onhr-auth-required': onAuth }),
      el('hr-connect-wizard', { 'onhr-auth-required': onAuth, 'onhr-connected': (e) => note(`connected ${e.detail.providerName}`, e) }),
      el('team-mapper', { 'onhr-auth-required': onAuth, 'onhr-mapping-saved': (e) => note(`mapping saved: ${e.detail.mappings}`, e) }),
      el('employee-matcher', { pageSize: 25, 'onhr-auth-required': onAuth, 'onhr-links-saved': (e) => note(`links saved: ${e.detail.saved}`, e) }),
      el('hr-invite-list', { appName: 'Acme Admin', 'onhr-auth-required': onAuth, 'onhr-invitations-sent': (e) => note('invitations sent', e) }),
      el('hr-sync-status', {
        headingLevel: 2,
        'onhr-auth-required': onAuth,
        'onhr-offboarding-saved': onSaved,
        'onhr-new-hires-requested': (e) => note(`Review ${e.detail.count} new hires`, e),
        'onhr-reconnect-requested': (e) => note(`Reconnect (${e.detail.reason})`, e),
      }),
    ),
    createElement('h2', null, 'Activity'),
    createElement('ul', { 'aria-label': 'Activity' }, ...activity.map((line, i) => createElement('li', { key: i }, line))),
  );
}

/** Mounts the page with React 19's createRoot. */
export function mountReactHost(container: HTMLElement, props: ReactHostProps): Root {
  const root = createRoot(container);
  root.render(createElement(AdminPage, props));
  return root;
}
