import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    overflow-wrap: anywhere;
    --_gap: var(--hr-sync-status-gap, var(--_space-4));
    --_card-bg: var(--hr-sync-status-card-background, var(--_surface));
  }

  .cards {
    display: grid;
    gap: var(--_gap);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
  }

  .card {
    display: grid;
    align-content: start;
    gap: var(--_space-3);
    padding: var(--_space-4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_card-bg);
    box-shadow: var(--_shadow);
    min-inline-size: 0;
  }

  .card.wide {
    grid-column: 1 / -1;
    overflow-x: auto;
  }

  .heading {
    font-size: var(--_font-size-large);
    font-weight: 600;
    margin: 0;
  }

  .facts {
    display: grid;
    gap: var(--_space-2);
    margin: 0;
  }

  .facts div {
    display: grid;
    grid-template-columns: minmax(7rem, max-content) 1fr;
    gap: var(--_space-3);
  }

  dt {
    color: var(--_text-muted);
  }

  dd {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: center;
  }

  p {
    margin: 0;
  }

  .block {
    display: block;
  }

  .scopes {
    margin: 0;
    padding-inline-start: var(--_space-4);
    display: grid;
    gap: var(--_space-1);
  }

  .scopes li span {
    display: block;
  }

  .progress-row {
    display: flex;
    gap: var(--_space-2);
    align-items: center;
  }

  progress {
    inline-size: 12rem;
    max-inline-size: 100%;
    accent-color: var(--_primary);
  }

  table {
    inline-size: 100%;
    border-collapse: collapse;
  }

  th,
  td {
    overflow-wrap: anywhere;
    text-align: start;
    padding: var(--_space-2);
    border-block-end: 1px solid var(--_border);
    vertical-align: top;
  }

  thead th {
    color: var(--_text-muted);
    font-weight: 500;
  }

  tbody th {
    font-weight: 500;
  }

  .settings {
    display: grid;
    gap: var(--_space-3);
  }

  .check {
    display: flex;
    gap: var(--_space-2);
    align-items: start;
  }

  .check input {
    margin-block-start: 0.2em;
    inline-size: 1.1em;
    block-size: 1.1em;
  }

  .grace {
    max-inline-size: 8rem;
  }

  .run-errors ul {
    margin: var(--_space-2) 0 0;
    padding-inline-start: var(--_space-4);
  }
`;
