// The React/Vue typings (src/types/) are generated from custom-elements.json: they must match it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { generate, readElements, renderReact, renderVue } from '../../scripts/gen-framework-types.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('framework typings', () => {
  it('are up to date with custom-elements.json (else: npm run types:frameworks)', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
    for (const [file, text] of Object.entries(generate(manifest))) {
      assert.equal(readFileSync(join(root, file), 'utf8'), text, `${file} is stale: run npm run types:frameworks`);
    }
  });

  // A manifest as the analyzer writes it: documented events without a type, dispatch sites
  // without a name or under a variable's name, and the event classes' `static eventName`.
  const manifest = {
    modules: [
      {
        path: 'src/events/hr-thing-saved.ts',
        declarations: [
          {
            kind: 'class',
            name: 'HrThingSavedEvent',
            members: [{ kind: 'field', name: 'eventName', static: true, readonly: true, default: "'hr-thing-saved'" }],
          },
        ],
      },
      {
        path: 'src/components/x-thing/x-thing.ts',
        declarations: [
          {
            kind: 'class',
            customElement: true,
            tagName: 'x-thing',
            name: 'XThing',
            members: [
              { kind: 'field', name: 'mode' },
              { kind: 'field', name: 'dirty', readonly: true },
              { kind: 'field', name: 'styles', static: true },
              { kind: 'method', name: 'save' },
            ],
            events: [
              { type: { text: 'HrThingSavedEvent' } },
              { name: 'saved', type: { text: 'HrThingSavedEvent' } },
              { name: 'hr-thing-saved', description: 'Saved. Detail `{ id }`.' },
              { name: 'hr-untyped', description: 'No event class.' },
            ],
          },
        ],
      },
    ],
  };

  it('keeps writable public properties and documented events, typed by their event class', () => {
    assert.deepEqual(readElements(manifest), [
      {
        tag: 'x-thing',
        className: 'XThing',
        module: 'src/components/x-thing/x-thing.ts',
        properties: ['mode'],
        events: [
          { name: 'hr-thing-saved', cls: { className: 'HrThingSavedEvent', module: 'src/events/hr-thing-saved.ts' }, description: 'Saved. Detail `{ id }`.' },
          { name: 'hr-untyped', cls: null, description: 'No event class.' },
        ],
      },
    ]);
  });

  it('names the handlers as React 19 and Vue 3 attach them', () => {
    const elements = readElements(manifest);
    const react = renderReact(elements);
    assert.match(react, /'onhr-thing-saved'\?: \(event: HrThingSavedEvent\) => void;/);
    assert.match(react, /'onhr-untyped'\?: \(event: Event\) => void;/);
    assert.match(react, /'x-thing': HrElementProps<XThing, XThingProps>;/);
    assert.match(react, /import type \{ XThing \} from '\.\.\/components\/x-thing\/x-thing\.js';/);
    const vue = renderVue(elements);
    assert.match(vue, /onHrThingSaved\?: \(event: HrThingSavedEvent\) => void;/);
    assert.match(vue, /'x-thing': DefineComponent<XThingProps>;/);
    assert.match(vue, /Partial<Pick<XThing, 'mode'>>/);
  });
});
