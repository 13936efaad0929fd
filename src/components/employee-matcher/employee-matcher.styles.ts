import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    overflow-wrap: anywhere;
    --_matcher-row-hover: var(--hr-matcher-row-hover, var(--_surface-raised));
    --_matcher-changed: var(--hr-matcher-changed-color, var(--_primary));
    --_listbox-max: var(--hr-matcher-picker-max-height, 16rem);
  }

  .layout {
    display: grid;
    gap: var(--_space-4);
  }

  h2,
  h3 {
    margin: 0;
    font-size: var(--_font-size-large);
  }

  h3 {
    font-size: var(--_font-size);
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    align-items: end;
    justify-content: space-between;
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }

  .filters .button[aria-pressed='true'] {
    border-color: var(--_primary);
    box-shadow: inset 0 0 0 1px var(--_primary);
    font-weight: 600;
  }

  .search {
    min-inline-size: 16rem;
  }

  .table-wrap {
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  tbody tr.user:hover {
    background: var(--_matcher-row-hover);
  }

  .who {
    display: grid;
  }

  .email,
  .muted {
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
    overflow-wrap: anywhere;
  }

  .stack {
    display: grid;
    gap: var(--_space-1);
    justify-items: start;
  }

  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
  }

  .badge.changed {
    color: var(--_matcher-changed);
    border-color: var(--_matcher-changed);
  }

  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
  }

  .row-actions .button,
  .candidates .button {
    min-block-size: calc(var(--_control-height) - 0.25rem);
    padding-inline: var(--_space-2);
    /* The label holds a name from the HR system: let a long one wrap. */
    white-space: normal;
    text-align: start;
  }

  .candidates {
    display: grid;
    gap: var(--_space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .picker {
    display: grid;
    gap: var(--_space-1);
    min-inline-size: 14rem;
  }

  /* The name above the e-mail line. */
  [role='option'] {
    display: grid;
  }

  .preview {
    background: var(--_surface-raised);
  }

  .preview table {
    background: var(--_surface);
    border: 1px solid var(--_border);
    margin-block-start: var(--_space-2);
  }

  .preview tr.changes th::after {
    content: ' •';
    color: var(--_matcher-changed);
  }

  .not-shared {
    font-style: italic;
    color: var(--_text-muted);
  }

  .pager {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: center;
    justify-content: space-between;
  }

  .savebar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    align-items: center;
    justify-content: space-between;
    padding: var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }

  .notice ul {
    margin: 0;
    padding-inline-start: var(--_space-4);
  }

  .notice h3:focus {
    outline: none;
  }
`;
