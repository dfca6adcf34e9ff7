// ESLint: typescript-eslint's strict, type-checked rules over all TypeScript.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'content-preview/', 'test-output/', 'bot/web/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Numbers in messages and keys are as readable as strings.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Promise-returning ports (the booking system) and restify's async handlers are
      // implemented with synchronous code in places; `async` states the contract.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // In tests a failed assumption is a failed test: `!` says "the test expects it here".
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // XState's idiom `setup({ types: {} as { ... } })`: the assertion is what carries the
    // machine's types into inference, though the rule sees `{}` as assignable without it.
    files: ['machines/**/*.ts', 'test/support/machines.ts'],
    rules: { '@typescript-eslint/no-unnecessary-type-assertion': 'off' },
  },
  { files: ['*.js', '*.mjs', '*.cjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } } },
);
