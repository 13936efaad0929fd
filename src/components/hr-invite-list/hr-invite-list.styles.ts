import { css } from 'lit';

/** Row and header heights are fixed: the window maths in the element use the same numbers. */
export const ROW_HEIGHT = 44;
export const HEADER_HEIGHT = 40;

export const styles = css`
  :host {
    display: block;
    --_list-height: var(--hr-invite-list-height, 28rem);
    --_row-selected: var(--hr-invite-list-row-selected-bg, var(--_info-bg));
    --_columns: var(
      --hr-invite-list-columns,
      2.75rem minmax(11rem, 1.4fr) minmax(12rem, 1.5fr) minmax(8rem, 1fr) minmax(9rem, 1.1fr) 7.5rem minmax(18rem, 1.8fr) 9rem
    );
  }

  .base {
    display: grid;
    gap: var(--_space-3);
  }

  h2 {
    margin: 0;
    font-size: var(--_font-size-large);
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    align-items: end;
  }

  .toolbar .field {
    min-inline-size: 12rem;
    flex: 1 1 12rem;
  }

  .toolbar .field.search {
    flex: 2 1 16rem;
  }

  .check {
    display: inline-flex;
    gap: var(--_space-2);
    align-items: center;
    min-block-size: var(--_control-height);
    white-space: nowrap;
  }

  .selection-bar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-4);
    align-items: center;
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }

  .selection-bar .count {
    font-weight: 600;
    margin: 0;
  }

  .selection-bar .spacer {
    flex: 1 1 auto;
  }

  .muted {
    color: var(--_text-muted);
  }

  .grid {
    position: relative;
    block-size: var(--_list-height);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    contain: strict;
    overscroll-behavior: contain;
  }

  .grid:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .grid[aria-busy='true'] .body {
    opacity: 0.6;
  }

  .row {
    display: grid;
    grid-template-columns: var(--_columns);
    min-inline-size: 78rem;
    align-items: center;
  }

  .head {
    position: sticky;
    inset-block-start: 0;
    background: var(--_surface-raised);
    border-block-end: 1px solid var(--_border);
    block-size: ${HEADER_HEIGHT}px;
    font-weight: 600;
    isolation: isolate;
  }

  .head > .row {
    block-size: 100%;
  }

  .head [role='columnheader'] {
    padding-inline: var(--_space-2);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .body {
    position: relative;
    min-inline-size: 78rem;
  }

  .body .row {
    position: absolute;
    inset-inline: 0;
    inset-block-start: 0;
    block-size: ${ROW_HEIGHT}px;
    border-block-end: 1px solid var(--_border);
    cursor: default;
  }

  .body .row[aria-selected='true'] {
    background: var(--_row-selected);
  }

  [role='gridcell'] {
    padding-inline: var(--_space-2);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    block-size: 100%;
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    min-inline-size: 0;
  }

  .cell-text {
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .grid:focus .active-cell {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }

  .grid:focus .active-row {
    box-shadow: inset 3px 0 0 var(--_focus);
  }

  .box {
    inline-size: 1rem;
    block-size: 1rem;
    border: 1.5px solid var(--_text-muted);
    border-radius: 3px;
    display: inline-grid;
    place-items: center;
    cursor: pointer;
    margin-inline: auto;
  }

  [aria-selected='true'] .box {
    background: var(--_primary);
    border-color: var(--_primary);
  }

  [aria-selected='true'] .box::after {
    content: '';
    inline-size: 0.3rem;
    block-size: 0.55rem;
    border: solid var(--_on-primary);
    border-width: 0 2px 2px 0;
    transform: translateY(-1px) rotate(45deg);
  }

  .cell-button {
    min-block-size: 1.75rem;
    padding-inline: var(--_space-2);
  }

  .target-missing {
    color: var(--_warning);
  }

  .loading-row [role='gridcell'] {
    grid-column: 1 / -1;
    color: var(--_text-muted);
  }

  .confirm,
  .results {
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-3) var(--_space-4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }

  .confirm h3,
  .results h3 {
    margin: 0;
    font-size: var(--_font-size);
  }

  .confirm ul,
  .results ul {
    margin: 0;
    padding-inline-start: var(--_space-6);
  }

  .footer {
    display: flex;
    gap: var(--_space-3);
    align-items: center;
    justify-content: space-between;
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
`;
