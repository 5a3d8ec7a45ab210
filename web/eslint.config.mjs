// ESLint for the page (ES modules in the browser, the service worker) and the Node tests.
// Run from the repository's root: web/node_modules/.bin/eslint -c web/eslint.config.mjs ...
import js from '@eslint/js';
import globals from 'globals';

export default [
  js.configs.recommended,
  {
    files: ['web/src/**/*.js'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.browser } },
    rules: { 'no-unused-vars': ['error', { argsIgnorePattern: '^_' }], eqeqeq: 'error', 'no-var': 'error', 'prefer-const': 'error' },
  },
  {
    files: ['web/sw.js'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'script', globals: { ...globals.serviceworker, VERSION: 'readonly', ASSETS: 'readonly' } },
  },
  {
    files: ['tests/**/*.mjs'],
    // Code passed to page.evaluate runs in the browser.
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
    rules: {
      // Playwright takes the Promise an async predicate returns as its truthy answer and stops
      // waiting at once: use eventually() from tests/browser/helpers.mjs.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='waitForFunction'] > :function[async=true]",
          message: 'waitForFunction does not await an async predicate; use eventually() (helpers.mjs).',
        },
      ],
    },
  },
];
