import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    overflow-wrap: anywhere;
    max-inline-size: var(--hr-connect-wizard-max-inline-size, 56rem);
    --_accent: var(--hr-connect-wizard-accent, var(--_primary));
    --_instructions-bg: var(--hr-connect-wizard-instructions-background, var(--_surface-raised));
  }

  :host([layout='compact']) {
    --_space-2: var(--hr-space-2, 0.375rem);
    --_space-3: var(--hr-space-3, 0.5rem);
    --_space-4: var(--hr-space-4, 0.75rem);
    --_space-6: var(--hr-space-6, 1rem);
    --_control-height: var(--hr-control-height, 1.875rem);
  }

  .base {
    display: grid;
    gap: var(--_space-4);
    padding: var(--_space-6);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  :host([layout='compact']) .base {
    padding: var(--_space-4);
  }

  h2,
  h3,
  p {
    margin: 0;
  }

  h2 {
    font-size: var(--_font-size-large);
    overflow-wrap: anywhere;
  }

  h3 {
    font-size: var(--_font-size);
  }

  h2:focus {
    outline: none;
  }

  h2:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .steps {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-4);
    margin: 0;
    padding: 0;
    list-style: none;
    counter-reset: step;
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }

  .steps li {
    counter-increment: step;
    display: flex;
    align-items: center;
    gap: var(--_space-2);
  }

  .steps li::before {
    content: counter(step);
    display: inline-grid;
    place-items: center;
    inline-size: 1.5rem;
    block-size: 1.5rem;
    border-radius: 50%;
    border: 1px solid var(--_border);
  }

  .steps li[aria-current='step'] {
    color: var(--_text);
    font-weight: 600;
  }

  .steps li[aria-current='step']::before {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-primary);
  }

  .steps li.done::before {
    border-color: var(--_accent);
    color: var(--_accent);
  }

  .step {
    display: grid;
    gap: var(--_space-4);
  }

  .columns {
    display: grid;
    gap: var(--_space-6);
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    align-items: start;
  }

  :host([layout='compact']) .columns {
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-4);
  }

  @container (max-width: 40rem) {
    .columns {
      grid-template-columns: minmax(0, 1fr);
    }
  }

  .instructions {
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-4);
    border-radius: var(--_radius);
    background: var(--_instructions-bg);
  }

  .instructions ol {
    margin: 0;
    padding-inline-start: var(--_space-6);
    display: grid;
    gap: var(--_space-1);
  }

  form {
    display: grid;
    gap: var(--_space-4);
    align-content: start;
  }

  .secret {
    display: flex;
    gap: var(--_space-2);
  }

  .secret .input {
    flex: 1;
    min-inline-size: 0;
  }

  .scopes {
    display: grid;
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .scope {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: var(--_space-1) var(--_space-3);
    padding: var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .scope .purpose {
    grid-column: 2;
    color: var(--_text-muted);
  }

  .check {
    display: flex;
    gap: var(--_space-2);
    align-items: start;
  }

  .check input {
    margin-block-start: 0.2em;
  }

  select.input {
    max-inline-size: 28rem;
  }

  .actions.footer {
    justify-content: flex-end;
  }

  .actions .spacer {
    margin-inline-end: auto;
  }

  .next-steps {
    display: grid;
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .next-steps li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-4);
    justify-content: space-between;
    padding: var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .facts {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: var(--_space-1) var(--_space-4);
    margin: 0;
  }

  .facts dt {
    color: var(--_text-muted);
  }

  .facts dd {
    margin: 0;
  }

  .title-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
  }

  .progress {
    display: grid;
    gap: var(--_space-1);
  }

  progress {
    inline-size: 100%;
    accent-color: var(--_accent);
  }

  .confirm {
    display: grid;
    gap: var(--_space-3);
    padding: var(--_space-4);
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
  }

  .confirm ul,
  .notice ul {
    margin: 0;
    padding-inline-start: var(--_space-6);
  }

  .button.danger-solid {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_surface);
  }
`;
