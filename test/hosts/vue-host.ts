// A Vue 3 host admin page, written as a host developer would: a template that uses the elements
// as custom elements (isCustomElement), attributes/properties bound with `:`, events with
// `@hr-…` (no v-model). Configuration once, for all elements: an <hr-api-provider> around them.
// Vite/vue-loader compile templates at build time with the same `isCustomElement` option; here
// the full build of Vue compiles the string template in the browser.
import { createApp, defineComponent, ref, type App } from 'vue';
import '../../src/define/all.js';
import type {} from '../../src/types/vue.js';
import type { HrNewHiresRequestedEvent, HrOffboardingSavedEvent, HrReconnectRequestedEvent } from '../../src/index.js';

export interface VueHostOptions {
  baseUrl: string;
  token: string;
  /** Every `hr-…` event the page received, for the test to inspect. */
  onHrEvent?: (event: Event) => void;
  /** Vue's warnings (an unknown component would be one). */
  onWarn?: (message: string) => void;
}

const template = `
  <main>
    <h1>Users &amp; Teams</h1>
    <hr-api-provider :base-url="baseUrl" :headers="headers">
      <approver-delegation-banner @hr-auth-required="onAuth"></approver-delegation-banner>
      <hr-connect-wizard @hr-auth-required="onAuth" @hr-connected="note('connected', $event)"></hr-connect-wizard>
      <team-mapper @hr-auth-required="onAuth" @hr-mapping-saved="note('mapping saved', $event)"></team-mapper>
      <employee-matcher :page-size="25" @hr-auth-required="onAuth" @hr-links-saved="note('links saved', $event)"></employee-matcher>
      <hr-invite-list app-name="Acme Admin" @hr-auth-required="onAuth" @hr-invitations-sent="note('invitations sent', $event)"></hr-invite-list>
      <hr-sync-status
        :heading-level="2"
        @hr-auth-required="onAuth"
        @hr-offboarding-saved="onSaved"
        @hr-new-hires-requested="onReview"
        @hr-reconnect-requested="onReconnect"
      ></hr-sync-status>
    </hr-api-provider>
    <h2>Activity</h2>
    <ul aria-label="Activity"><li v-for="(line, i) in activity" :key="i">{{ line }}</li></ul>
  </main>`;

export function mountVueHost(container: HTMLElement, { baseUrl, token, onHrEvent, onWarn }: VueHostOptions): App {
  const AdminPage = defineComponent({
    template,
    setup() {
      const activity = ref<string[]>([]);
      const note = (line: string, event: Event) => {
        activity.value.push(line);
        onHrEvent?.(event);
      };
      return {
        baseUrl,
        headers: () => ({ Authorization: token }),
        activity,
        note,
        onAuth: (event: Event) => note('auth required', event),
        onSaved: (event: HrOffboardingSavedEvent) =>
          note(`Offboarding saved: ${event.detail.enabled ? 'on' : 'off'}, ${event.detail.graceDays} days`, event),
        onReview: (event: HrNewHiresRequestedEvent) => note(`Review ${event.detail.count} new hires`, event),
        onReconnect: (event: HrReconnectRequestedEvent) => note(`Reconnect (${event.detail.reason})`, event),
      };
    },
  });
  const app = createApp(AdminPage);
  // Every tag with a dash is a custom element, not a Vue component.
  app.config.compilerOptions.isCustomElement = (tag) => tag.includes('-');
  if (onWarn) app.config.warnHandler = (message) => onWarn(message);
  app.mount(container);
  return app;
}
