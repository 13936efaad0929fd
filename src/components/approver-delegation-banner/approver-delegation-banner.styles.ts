import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    overflow-wrap: anywhere;
    --_banner-bg: var(--hr-delegation-banner-background, var(--_info-bg));
    --_banner-overdue-bg: var(--hr-delegation-banner-overdue-background, var(--_warning-bg));
    --_banner-border: var(--hr-delegation-banner-border-color, var(--_border));
    --_listbox-max: var(--hr-delegation-listbox-max-height, 16rem);
  }

  :host([empty]) {
    display: none;
  }

  .banner {
    display: grid;
    gap: var(--_space-3);
    padding: var(--_space-3) var(--_space-4);
    border: 1px solid var(--_banner-border);
    border-radius: var(--_radius);
    background: var(--_banner-bg);
    box-shadow: var(--_shadow);
  }

  .banner.overdue {
    background: var(--_banner-overdue-bg);
  }

  p {
    margin: 0;
  }

  [hidden] {
    display: none !important;
  }

  .summary {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
  }

  .summary .text {
    flex: 1 1 16rem;
  }

  .chevron {
    display: inline-block;
    transition: rotate 0.15s;
  }

  [aria-expanded='true'] > .chevron {
    rotate: 180deg;
  }

  @media (prefers-reduced-motion: reduce) {
    .chevron {
      transition: none;
    }
  }

  .list {
    display: grid;
    gap: var(--_space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .list > li + li {
    padding-block-start: var(--_space-3);
    border-block-start: 1px solid var(--_banner-border);
  }

  .absence {
    display: grid;
    gap: var(--_space-2);
  }

  .message {
    display: grid;
    gap: var(--_space-1);
  }

  .title {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    font-weight: 600;
  }

  .title:focus {
    outline: none;
  }

  .title:focus-visible {
    outline: 2px solid var(--_focus);
  }

  .covered {
    color: var(--_success);
  }

  .stale {
    font-size: var(--_font-size-small);
  }

  :host([layout='compact']) .banner {
    padding: var(--_space-2) var(--_space-3);
    gap: var(--_space-2);
  }

  :host([layout='compact']) .absence {
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
  }

  :host([layout='compact']) .absence > :not(.message, .actions) {
    grid-column: 1 / -1;
  }

  :host([layout='compact']) .message {
    gap: 0;
  }

  .form {
    display: grid;
    gap: var(--_space-3);
    padding: var(--_space-3);
    border: 1px solid var(--_banner-border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .form-title {
    font-weight: 600;
  }

  .period {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    align-items: start;
    gap: var(--_space-3);
  }

  [role='option'] .email {
    color: inherit;
    opacity: 0.8;
    font-size: var(--_font-size-small);
  }
`;
