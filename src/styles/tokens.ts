import { css } from 'lit';

/**
 * Design tokens. Hosts theme the elements by setting the public `--hr-*` custom properties on any
 * ancestor (they inherit into shadow roots); the defaults follow the page's `color-scheme`
 * (light or dark) through `light-dark()`. Elements use the private `--_*` names only.
 */
export const tokens = css`
  :host {
    color-scheme: inherit;
    --_font: var(--hr-font-family, inherit);
    --_font-size: var(--hr-font-size, 0.875rem);
    --_font-size-small: var(--hr-font-size-small, 0.8125rem);
    --_font-size-large: var(--hr-font-size-large, 1.125rem);
    --_line-height: var(--hr-line-height, 1.45);
    --_text: var(--hr-color-text, light-dark(#1c2024, #eceef0));
    --_text-muted: var(--hr-color-text-muted, light-dark(#555d66, #a9b1ba));
    --_surface: var(--hr-color-surface, light-dark(#ffffff, #17191c));
    --_surface-raised: var(--hr-color-surface-raised, light-dark(#f6f7f9, #22252a));
    --_border: var(--hr-color-border, light-dark(#c9ced4, #454b53));
    --_primary: var(--hr-color-primary, light-dark(#2452c8, #8cabff));
    --_on-primary: var(--hr-color-on-primary, light-dark(#ffffff, #0b1430));
    --_focus: var(--hr-color-focus, light-dark(#1a46b8, #a9c0ff));
    --_success: var(--hr-color-success, light-dark(#17663a, #6fd39a));
    --_success-bg: var(--hr-color-success-bg, light-dark(#e7f6ed, #173524));
    --_warning: var(--hr-color-warning, light-dark(#7a4a00, #f3c46b));
    --_warning-bg: var(--hr-color-warning-bg, light-dark(#fff4de, #3a2c10));
    --_danger: var(--hr-color-danger, light-dark(#b3261e, #ffb4a9));
    --_danger-bg: var(--hr-color-danger-bg, light-dark(#fdecea, #3d1c19));
    --_info-bg: var(--hr-color-info-bg, light-dark(#eaf0fd, #1c2740));
    --_radius: var(--hr-radius, 6px);
    --_space-1: var(--hr-space-1, 0.25rem);
    --_space-2: var(--hr-space-2, 0.5rem);
    --_space-3: var(--hr-space-3, 0.75rem);
    --_space-4: var(--hr-space-4, 1rem);
    --_space-6: var(--hr-space-6, 1.5rem);
    --_control-height: var(--hr-control-height, 2.25rem);
    --_shadow: var(--hr-shadow, 0 1px 2px light-dark(rgb(0 0 0 / 0.08), rgb(0 0 0 / 0.4)));

    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    color: var(--_text);
  }

  :host([density='compact']) {
    --_space-2: var(--hr-space-2, 0.375rem);
    --_space-3: var(--hr-space-3, 0.5rem);
    --_space-4: var(--hr-space-4, 0.75rem);
    --_control-height: var(--hr-control-height, 1.875rem);
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** Buttons, inputs, badges and notices shared by every element. */
export const controls = css`
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space-2);
    min-block-size: var(--_control-height);
    padding-block: 0;
    padding-inline: var(--_space-4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
    white-space: nowrap;
  }

  .button.primary {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
  }

  .button.danger {
    border-color: var(--_danger);
    color: var(--_danger);
  }

  .button.link {
    border-color: transparent;
    background: transparent;
    color: var(--_primary);
    padding-inline: var(--_space-2);
    text-decoration: underline;
  }

  .button:disabled,
  .button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }

  .input {
    min-block-size: var(--_control-height);
    padding-block: var(--_space-1);
    padding-inline: var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    inline-size: 100%;
  }

  .input[aria-invalid='true'] {
    border-color: var(--_danger);
  }

  .field {
    display: grid;
    gap: var(--_space-1);
  }

  .field-error {
    color: var(--_danger);
    font-size: var(--_font-size-small);
  }

  .hint {
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }

  .badge {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    padding-inline: var(--_space-2);
    border-radius: 999px;
    font-size: var(--_font-size-small);
    background: var(--_surface-raised);
    border: 1px solid var(--_border);
    white-space: nowrap;
  }

  .badge.success {
    background: var(--_success-bg);
    color: var(--_success);
    border-color: transparent;
  }

  .badge.warning {
    background: var(--_warning-bg);
    color: var(--_warning);
    border-color: transparent;
  }

  .badge.danger {
    background: var(--_danger-bg);
    color: var(--_danger);
    border-color: transparent;
  }

  .notice {
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-3) var(--_space-4);
    border-radius: var(--_radius);
    background: var(--_info-bg);
  }

  .notice.error {
    background: var(--_danger-bg);
  }

  .notice.warning {
    background: var(--_warning-bg);
  }

  .notice.success {
    background: var(--_success-bg);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: center;
  }

  .skeleton {
    display: block;
    block-size: 1em;
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
`;

/** Data tables (team-mapper, employee-matcher): full width, muted caption, raised header. */
export const tables = css`
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }

  caption {
    text-align: start;
    padding: var(--_space-2) var(--_space-3);
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }

  th,
  td {
    padding: var(--_space-2) var(--_space-3);
    border-block-start: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }

  thead th {
    background: var(--_surface-raised);
    font-weight: 600;
  }
`;
