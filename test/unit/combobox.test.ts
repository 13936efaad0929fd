import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { comboboxAction, comboboxAria, comboboxKeydown, listbox, type ComboboxState } from '../../src/ui/combobox.js';

const key = (name: string, altKey = false) => ({ key: name, altKey });
const closed = (count: number, more: Partial<ComboboxState> = {}): ComboboxState => ({ open: false, active: -1, count, ...more });
const open = (active: number, count: number, more: Partial<ComboboxState> = {}): ComboboxState => ({ open: true, active, count, ...more });

describe('combobox: keys', () => {
  it('opens with ArrowDown on the current value (else the first option) and with ArrowUp on the last', () => {
    expect(comboboxAction(key('ArrowDown'), closed(3))).to.equal(0);
    expect(comboboxAction(key('ArrowDown'), closed(3, { selected: 2 }))).to.equal(2);
    expect(comboboxAction(key('ArrowDown'), closed(3, { selected: -1 }))).to.equal(0);
    expect(comboboxAction(key('ArrowUp'), closed(3, { selected: 1 }))).to.equal(2);
  });

  it('moves with the arrows and wraps', () => {
    expect(comboboxAction(key('ArrowDown'), open(-1, 3))).to.equal(0);
    expect(comboboxAction(key('ArrowDown'), open(1, 3))).to.equal(2);
    expect(comboboxAction(key('ArrowDown'), open(2, 3))).to.equal(0);
    expect(comboboxAction(key('ArrowUp'), open(0, 3))).to.equal(2);
    expect(comboboxAction(key('ArrowUp'), open(-1, 3))).to.equal(2);
    expect(comboboxAction(key('ArrowUp'), open(2, 3))).to.equal(1);
  });

  it('opens with Alt+ArrowDown without moving, and closes with Alt+ArrowUp', () => {
    expect(comboboxAction(key('ArrowDown', true), closed(3, { selected: 2 }))).to.equal(-1);
    expect(comboboxAction(key('ArrowDown', true), open(1, 3))).to.equal(1);
    expect(comboboxAction(key('ArrowUp', true), open(1, 3))).to.equal('close');
    expect(comboboxAction(key('ArrowUp', true), closed(3))).to.equal(null);
  });

  it('jumps by a page in an open list without leaving it', () => {
    expect(comboboxAction(key('PageDown'), open(0, 25))).to.equal(10);
    expect(comboboxAction(key('PageDown'), open(-1, 25))).to.equal(10);
    expect(comboboxAction(key('PageDown'), open(20, 25))).to.equal(24);
    expect(comboboxAction(key('PageUp'), open(5, 25))).to.equal(0);
    expect(comboboxAction(key('PageUp'), open(24, 25))).to.equal(14);
    expect(comboboxAction(key('PageDown'), closed(25))).to.equal(null);
  });

  it('has no active option in an empty list', () => {
    expect(comboboxAction(key('ArrowDown'), closed(0))).to.equal(-1);
    expect(comboboxAction(key('ArrowUp'), open(-1, 0))).to.equal(-1);
    expect(comboboxAction(key('PageDown'), open(-1, 0))).to.equal(null);
    expect(comboboxAction(key('Enter'), open(-1, 0))).to.equal('close');
  });

  it('chooses the active option with Enter, and only in an open list', () => {
    expect(comboboxAction(key('Enter'), open(1, 3))).to.equal('select');
    expect(comboboxAction(key('Enter'), open(-1, 3))).to.equal('close');
    expect(comboboxAction(key('Enter'), open(5, 3))).to.equal('close');
    expect(comboboxAction(key('Enter'), closed(3))).to.equal(null);
  });

  it('dismisses with Escape, then clears a clearable field, then does nothing', () => {
    expect(comboboxAction(key('Escape'), open(1, 3, { clearable: true }))).to.equal('dismiss');
    expect(comboboxAction(key('Escape'), closed(3, { clearable: true }))).to.equal('clear');
    expect(comboboxAction(key('Escape'), closed(3))).to.equal(null);
  });

  it('closes with Tab and leaves other keys (Home, End, letters) to the text field', () => {
    expect(comboboxAction(key('Tab'), open(1, 3))).to.equal('close');
    expect(comboboxAction(key('Tab'), closed(3))).to.equal(null);
    for (const other of ['Home', 'End', 'a', ' ', 'ArrowLeft']) expect(comboboxAction(key(other), open(1, 3)), other).to.equal(null);
  });
});

describe('combobox: keydown', () => {
  /** Dispatches `key` on a field inside a parent; tells what the parent saw and whether the default was prevented. */
  function press(name: string, state: ComboboxState) {
    const parent = document.createElement('div');
    const input = document.createElement('input');
    parent.append(input);
    let reachedParent = false;
    let action: ReturnType<typeof comboboxKeydown> = null;
    input.addEventListener('keydown', (event) => (action = comboboxKeydown(event, state)));
    parent.addEventListener('keydown', () => (reachedParent = true));
    const event = new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true });
    input.dispatchEvent(event);
    return { action, prevented: event.defaultPrevented, reachedParent };
  }

  it('keeps an Escape that closed something from the parent (a dialog), and lets an idle Escape through', () => {
    expect(press('Escape', open(0, 2))).to.deep.equal({ action: 'dismiss', prevented: true, reachedParent: false });
    expect(press('Escape', closed(2, { clearable: true }))).to.deep.equal({ action: 'clear', prevented: true, reachedParent: false });
    expect(press('Escape', closed(2))).to.deep.equal({ action: null, prevented: false, reachedParent: true });
  });

  it('prevents the default of the keys it handles, but not of Tab, Enter without an option, or other keys', () => {
    expect(press('ArrowDown', closed(2)).prevented).to.equal(true);
    expect(press('Enter', open(1, 2))).to.deep.equal({ action: 'select', prevented: true, reachedParent: true });
    expect(press('Enter', open(-1, 2)).prevented, 'Enter may still submit a form').to.equal(false);
    expect(press('Tab', open(1, 2))).to.deep.equal({ action: 'close', prevented: false, reachedParent: true });
    expect(press('Home', open(1, 2)).prevented).to.equal(false);
  });
});

describe('combobox: markup', () => {
  it('wires the field to the listbox and its active option', () => {
    const host = document.createElement('div');
    const draw = (expanded: boolean, active: number, chosen: string[] = []) =>
      render(
        html`<input aria-label="Fruit" ${comboboxAria({ listbox: 'fruit', expanded, active })} />${listbox({
          id: 'fruit',
          label: 'Fruits',
          expanded,
          options: ['Apple', 'Pear'],
          active,
          parts: true,
          select: (option) => chosen.push(option),
          render: (option) => option,
        })}`,
        host,
      );
    draw(false, -1);
    const input = host.querySelector('input')!;
    const list = host.querySelector('ul')!;
    expect(input.getAttribute('role')).to.equal('combobox');
    expect(input.getAttribute('aria-autocomplete')).to.equal('list');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.getAttribute('aria-controls')).to.equal('fruit');
    expect(input.hasAttribute('aria-activedescendant')).to.equal(false);
    expect(list.hidden).to.equal(true);
    expect(list.querySelectorAll('[role="option"]')).to.have.length(0);

    const chosen: string[] = [];
    draw(true, 1, chosen);
    const options = [...host.querySelectorAll<HTMLElement>('[role="option"]')];
    expect(list.hidden).to.equal(false);
    expect(list.getAttribute('aria-label')).to.equal('Fruits');
    expect(list.getAttribute('part')).to.equal('listbox');
    expect(options.map((o) => [o.textContent!.trim(), o.getAttribute('aria-selected'), o.getAttribute('part')])).to.deep.equal([
      ['Apple', 'false', 'option'],
      ['Pear', 'true', 'option'],
    ]);
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    expect(host.querySelector(`#${input.getAttribute('aria-activedescendant')}`)).to.equal(options[1]);

    const mousedown = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    options[0]!.dispatchEvent(mousedown);
    expect(mousedown.defaultPrevented, 'pressing an option keeps focus in the field').to.equal(true);
    options[0]!.click();
    expect(chosen).to.deep.equal(['Apple']);

    draw(true, -1);
    expect(input.hasAttribute('aria-activedescendant')).to.equal(false);
  });
});
