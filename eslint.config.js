import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// One linter. Import boundaries from docs/architecture.md are enforced here:
// wechat/ imports nothing from src/; shared/ imports only shared/ and wechat types;
// popup/, options/, ui/ never import background/.
const noImport = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

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
    files: ['src/wechat/**'],
    rules: noImport(
      [
        '**/background/**',
        '**/shared/**',
        '**/popup/**',
        '**/options/**',
        '**/ui/**',
        'webextension-polyfill',
      ],
      'wechat/ is a plain library',
    ),
  },
  {
    files: ['src/shared/**'],
    rules: noImport(
      ['**/background/**', '**/popup/**', '**/options/**', '**/ui/**'],
      'shared/ holds contracts only',
    ),
  },
  {
    files: ['src/popup/**', 'src/options/**', 'src/ui/**'],
    rules: noImport(['**/background/**'], 'pages talk to the background through messages only'),
  },
);
