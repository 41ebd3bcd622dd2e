import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // The topology core is shared by the browser and the server: no framework, no DOM, no AWS SDK, no Node.
    files: ['src/topology/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', '@xyflow/*', 'zustand'], message: 'src/topology is framework-free.' },
            { group: ['@aws-sdk/*', '@smithy/*'], message: 'Only server/sources/aws talks to AWS.' },
            { group: ['node:*', 'fs', 'path', 'http'], message: 'src/topology runs in the browser too.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'server/app.ts', 'server/fake-aws/**/*.ts', 'server/sources/snapshot.ts'],
    ignores: ['server/sources/aws/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@aws-sdk/*'], message: 'Only server/sources/aws imports the AWS SDK.' }] }],
    },
  },
);
