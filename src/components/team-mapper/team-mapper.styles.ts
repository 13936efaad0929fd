import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    overflow-wrap: anywhere;
    --_mapper-max-height: var(--hr-team-mapper-max-height, none);
    --_mapper-row-changed: var(--hr-team-mapper-changed-background, var(--_info-bg));
    --_mapper-row-conflict: var(--hr-team-mapper-conflict-background, var(--_warning-bg));
  }

  .layout {
    display: grid;
    gap: var(--_space-4);
  }

  h2 {
    margin: 0;
    font-size: var(--_font-size-large);
  }

  h3 {
    margin: 0;
    font-size: var(--_font-size);
  }

  p {
    margin: 0;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3) var(--_space-4);
    align-items: end;
  }

  .toolbar .field {
    min-inline-size: 14rem;
    flex: 1 1 14rem;
  }

  fieldset {
    display: flex;
    gap: var(--_space-3);
    align-items: center;
    margin: 0;
    padding: 0;
    border: 0;
  }

  legend {
    float: inline-start;
    margin-inline-end: var(--_space-2);
    padding: 0;
  }

  fieldset label {
    display: inline-flex;
    gap: var(--_space-1);
    align-items: center;
    white-space: nowrap;
  }

  .counts {
    display: flex;
    gap: var(--_space-2);
  }

  .preview ul,
  .conflicts ul {
    margin: 0;
    padding-inline-start: var(--_space-6);
  }

  .table-wrap {
    max-block-size: var(--_mapper-max-height);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  thead th {
    white-space: nowrap;
  }

  tbody th {
    font-weight: 500;
  }

  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  tr.changed {
    background: var(--_mapper-row-changed);
  }

  tr.conflict {
    background: var(--_mapper-row-conflict);
  }

  .picker-cell {
    min-inline-size: 16rem;
  }

  .picker {
    display: grid;
    gap: var(--_space-1);
  }

  .picker .input:read-only {
    background: transparent;
    color: var(--_text-muted);
    cursor: not-allowed;
  }

  [role='option'] {
    justify-content: space-between;
  }

  [role='option'].special {
    font-style: italic;
  }

  .status {
    white-space: nowrap;
  }

  .conflict-note {
    display: grid;
    gap: var(--_space-1);
    justify-items: start;
    color: var(--_warning);
  }

  .savebar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    align-items: center;
    justify-content: space-between;
  }
`;
