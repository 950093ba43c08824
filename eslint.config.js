// ESLint 9 flat config (issue 13, build section 10): typescript-eslint's recommended rules, without type
// information so that `npm run lint` stays fast (tsc already checks the types: `npm run typecheck`).
// No formatter runs here: the code base keeps its own style, and a mass reformat would only hide history.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'widget/dist/', 'data/', 'coverage/', 'test-results/', 'evals/reports/', '.helpers/', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      // Mostly LangChain and library seams; worth seeing, not worth failing the build over.
      '@typescript-eslint/no-explicit-any': 'warn',
      // The sanitisers strip control characters on purpose (LLM output, widget markdown).
      'no-control-regex': 'off',
      // `cond ? a() : b()` and `x && f()` as statements are idioms of this code base.
      '@typescript-eslint/no-unused-expressions': ['error', { allowTernary: true, allowShortCircuit: true }],
      // `_`-prefixed names are deliberate: destructuring a field away, an unused callback parameter.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The widget and the console run in the browser.
    files: ['widget/src/**', 'widget/console/src/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Browser tests and screenshots evaluate functions inside the page.
    files: ['test/**', 'widget/screenshots.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
