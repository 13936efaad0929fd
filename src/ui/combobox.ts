import { css, html, noChange, nothing, type TemplateResult } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';
import { ifDefined } from 'lit/directives/if-defined.js';

// One editable combobox with a listbox popup (APG "list autocomplete") for every element: the
// keyboard model, the input's ARIA state, the listbox markup and its style. What the options are
// and what choosing one means stay in the element.

/** What the keyboard model needs to know about a combobox. */
export interface ComboboxState {
  /** The listbox is open (even while an element hides an empty one). */
  open: boolean;
  /** The active option, -1 for none. */
  active: number;
  /** How many options the listbox has, or would have once opened. */
  count: number;
  /** The option holding the current value: ArrowDown opens on it (default: the first). */
  selected?: number;
  /** Escape on a closed listbox clears the field (APG's optional behaviour). */
  clearable?: boolean;
}

/**
 * What a key does: a number opens the listbox (if closed) with that option active (-1: none);
 * `select` chooses the active option; `close` closes the listbox and leaves the key its own effect
 * (Tab moves focus, Enter submits a form); `dismiss` is Escape on an open listbox; `clear` is
 * Escape on a closed, clearable field.
 */
export type ComboboxAction = number | 'select' | 'close' | 'dismiss' | 'clear';

/** Options PageUp/PageDown move by. */
const PAGE = 10;

/**
 * What a key does in a combobox: ArrowDown/ArrowUp open or move (wrapping), Alt+ArrowDown opens
 * without moving, Alt+ArrowUp closes, PageUp/PageDown move by 10 in an open listbox, Enter chooses
 * the active option (or closes), Escape dismisses (or clears), Tab closes. null: not handled.
 * Home and End stay with the text field (they move the caret).
 */
export function comboboxAction({ key, altKey }: Pick<KeyboardEvent, 'key' | 'altKey'>, state: ComboboxState): ComboboxAction | null {
  const { open, active, count } = state;
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
      if (altKey) return open ? active : -1;
      if (count <= 0) return -1;
      if (!open) return Math.max(0, Math.min(last, state.selected ?? 0));
      return active < 0 || active >= last ? 0 : active + 1;
    case 'ArrowUp':
      if (altKey) return open ? 'close' : null;
      if (count <= 0) return -1;
      return !open || active <= 0 || active > last ? last : active - 1;
    case 'PageDown':
      return open && count > 0 ? Math.min(last, Math.max(active, 0) + PAGE) : null;
    case 'PageUp':
      return open && count > 0 ? Math.max(0, Math.min(last, active) - PAGE) : null;
    case 'Enter':
      if (!open) return null;
      return active >= 0 && active < count ? 'select' : 'close';
    case 'Escape':
      return open ? 'dismiss' : state.clearable ? 'clear' : null;
    case 'Tab':
      return open ? 'close' : null;
    default:
      return null;
  }
}

/**
 * `comboboxAction` for a keydown: prevents the key's default for what it handled (not for
 * `close`), and keeps an Escape that dismissed or cleared something from closing a dialog around.
 */
export function comboboxKeydown(event: KeyboardEvent, state: ComboboxState): ComboboxAction | null {
  const action = comboboxAction(event, state);
  if (action !== null && action !== 'close') {
    event.preventDefault();
    if (event.key === 'Escape') event.stopPropagation();
  }
  return action;
}

/** The id of option `index` of listbox `listbox`. */
export const optionId = (listbox: string, index: number) => `${listbox}-${index}`;

export interface ComboboxAria {
  /** The listbox's id; leave it out while the listbox is not rendered. */
  listbox?: string | undefined;
  expanded: boolean;
  /** The active option (an option shown), -1 for none. */
  active: number;
}

class ComboboxAriaDirective extends Directive {
  render(_aria: ComboboxAria) {
    return nothing;
  }

  override update(part: ElementPart, [{ listbox, expanded, active }]: [ComboboxAria]) {
    const input = part.element;
    const set = (name: string, value: string | undefined) => (value === undefined ? input.removeAttribute(name) : input.setAttribute(name, value));
    set('role', 'combobox');
    set('autocomplete', 'off');
    set('aria-autocomplete', 'list');
    set('aria-expanded', String(expanded));
    set('aria-controls', listbox);
    set('aria-activedescendant', listbox && expanded && active >= 0 ? optionId(listbox, active) : undefined);
    return noChange;
  }
}

/**
 * The combobox role and state of a text field: `<input class="input" type="text"
 * ${comboboxAria({ listbox, expanded, active })} …>` sets role, autocomplete=off,
 * aria-autocomplete=list, aria-expanded, aria-controls and aria-activedescendant.
 */
export const comboboxAria = directive(ComboboxAriaDirective);

export interface ListboxOptions<T> {
  id: string;
  /** The accessible name, or the id of what names the listbox. */
  label?: string;
  labelledby?: string;
  expanded: boolean;
  options: readonly T[];
  active: number;
  /** Adds part="listbox" and part="option" (for elements that document them). */
  parts?: boolean;
  select(option: T, index: number): void;
  render(option: T, index: number): unknown;
  optionClass?(option: T, index: number): string | undefined;
}

const keepFocus = (event: Event) => event.preventDefault();

/** The listbox of a combobox: hidden while collapsed; a pressed option leaves focus in the field. */
export function listbox<T>(list: ListboxOptions<T>): TemplateResult {
  const part = list.parts ? 'option' : undefined;
  return html`<ul
    id=${list.id}
    role="listbox"
    part=${ifDefined(list.parts ? 'listbox' : undefined)}
    aria-label=${ifDefined(list.label)}
    aria-labelledby=${ifDefined(list.labelledby)}
    ?hidden=${!list.expanded}
    @mousedown=${keepFocus}
  >
    ${list.expanded
      ? list.options.map(
          (option, i) => html`<li
            id=${optionId(list.id, i)}
            role="option"
            part=${ifDefined(part)}
            class=${ifDefined(list.optionClass?.(option, i))}
            aria-selected=${i === list.active ? 'true' : 'false'}
            @click=${() => list.select(option, i)}
          >
            ${list.render(option, i)}
          </li>`,
        )
      : nothing}
  </ul>`;
}

/** Scrolls the active option into view; call it from `updated()`. */
export function revealActiveOption(root: ParentNode): void {
  root.querySelector('[role="option"][aria-selected="true"]')?.scrollIntoView?.({ block: 'nearest' });
}

/**
 * The listbox's style. Its height before it scrolls is `--_listbox-max` (an element maps its public
 * custom property onto it), 16rem by default.
 */
export const comboboxStyles = css`
  [role='listbox'] {
    margin: 0;
    padding: var(--_space-1);
    list-style: none;
    max-block-size: var(--_listbox-max, 16rem);
    overflow-y: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow);
  }

  [role='option'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-1) var(--_space-2);
    padding: var(--_space-1) var(--_space-2);
    border-radius: var(--_radius);
    cursor: pointer;
  }

  [role='option'][aria-selected='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }

  [role='option'][aria-selected='true'] :is(.hint, .email) {
    color: inherit;
  }

  @media (forced-colors: active) {
    [role='option'][aria-selected='true'] {
      outline-color: Highlight;
    }
  }
`;
