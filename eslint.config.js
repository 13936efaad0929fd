// Flat config (ESLint 9). Browser code refuses the constructs that bypass Lit's escaping or
// Trusted Types; node scripts and tests keep the usual freedoms.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const unsafeDirectives = ['unsafe-html', 'unsafe-svg'].flatMap((name) =>
  ['lit', 'lit-html'].flatMap((pkg) => [
    `${pkg}/directives/${name}.js`,
    `${pkg}/directives/${name}`,
  ]),
);

const htmlSinks = /^(innerHTML|outerHTML)$/;

/** Rules that keep markup going through lit's `html` templates only. */
const browserSafety = {
  'no-restricted-imports': [
    'error',
    {
      paths: unsafeDirectives.map((name) => ({
        name,
        message:
          'unsafeHTML/unsafeSVG bypass escaping and Trusted Types: render with lit `html`/`svg` templates.',
      })),
    },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: `AssignmentExpression > MemberExpression.left[property.name=${htmlSinks}]`,
      message: 'Do not assign innerHTML/outerHTML: render with lit `html` templates or textContent.',
    },
    {
      selector: `AssignmentExpression > MemberExpression.left[computed=true][property.value=${htmlSinks}]`,
      message: 'Do not assign innerHTML/outerHTML: render with lit `html` templates or textContent.',
    },
    {
      selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
      message: 'insertAdjacentHTML parses strings as HTML: render with lit `html` templates.',
    },
    {
      selector:
        "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]",
      message: 'document.write/writeln is forbidden: render with lit `html` templates.',
    },
  ],
  'no-eval': 'error',
  'no-implied-eval': 'error',
  'no-new-func': 'error',
};

export default defineConfig([
  globalIgnores([
    '**/dist/',
    '**/storybook-static/',
    '**/node_modules/',
    '**/coverage/',
    '.cache/',
    'test-results/',
    'contract/openapi.json',
    'custom-elements.json',
  ]),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    files: ['**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['**/*.ts'],
    ...wc.configs['flat/recommended'],
  },

  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  {
    files: ['src/**', 'mocks/**', 'stories/**', 'demo/**', '.storybook/**', 'test/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },

  {
    files: ['src/**', 'mocks/**', 'stories/**', 'demo/**', '.storybook/**'],
    rules: browserSafety,
  },
  {
    files: ['src/**', 'mocks/**'],
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },

  {
    // chai's property assertions: expect(x).to.be.true
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },

  {
    // Node code: scripts, configs and any .mjs/.cjs outside the browser folders.
    files: ['scripts/**', 'test/node/**', '*.config.{js,mjs,ts}', '**/*.{mjs,cjs}'],
    ignores: ['src/**', 'mocks/**', 'stories/**', 'demo/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
]);
