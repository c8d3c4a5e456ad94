import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// One linter. Import boundaries from docs/architecture.md are enforced here:
// wechat/ imports nothing from src/, and everything else enters it through its index only;
// shared/ imports only shared/ and wechat types; popup/, options/, ui/ never import background/;
// and no module imports itself back through a circle.
const noImport = (patterns, message) => ({
  'no-restricted-imports': [
    'error',
    { patterns: [...(patterns.length > 0 ? [{ group: patterns, message }] : []), WECHAT_DOOR] },
  ],
});
// `../wechat` and `../wechat/index` are the door; any other file in it is the library's own.
const WECHAT_DOOR = {
  regex: '(^|/)wechat/(?!index$)[^/]+$',
  message: 'import src/wechat through its index (docs/architecture.md "One door")',
};

export default tseslint.config(
  { ignores: ['dist/**', 'artifacts/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    files: ['src/**'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: {
      // Type-only imports count too: a circle of types is still a circle to read.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/wechat/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/background/**',
                '**/shared/**',
                '**/popup/**',
                '**/options/**',
                '**/ui/**',
                'webextension-polyfill',
              ],
              message: 'wechat/ is a plain library',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/background/**'],
    ignores: ['**/*.test.ts'],
    rules: noImport([], ''),
  },
  {
    files: ['src/shared/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      ...noImport(
        ['**/background/**', '**/popup/**', '**/options/**', '**/ui/**'],
        'shared/ holds contracts only',
      ),
      // Contracts may name the library's types, never run its code.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '../wechat',
              allowTypeImports: true,
              message: 'shared/ imports wechat types only',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/popup/**', 'src/options/**', 'src/ui/**'],
    ignores: ['**/*.test.ts'],
    rules: noImport(['**/background/**'], 'pages talk to the background through messages only'),
  },
);
