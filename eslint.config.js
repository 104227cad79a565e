const { builtinModules } = require('node:module');
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

/**
 * Layer boundaries: for each folder of src/, the other folders it may import (README,
 * "Architecture" says the same). Everything else in src/ is off limits to it, and so are the
 * entry points server/ and cli/ and the composition root (app.ts, index.ts), which nothing
 * imports. `types`: folders it may take types from, never code. "storage/errors" allows that
 * one module of the folder. A new folder of src/ needs a line here (a test checks).
 */
const LAYERS = {
  domain: { may: [] },
  config: { may: [] },
  logging: { may: [] },
  util: { may: [] },
  package: { may: [] },
  ask: { may: ['domain'] },
  import: { may: ['domain'] },
  report: { may: ['domain'] },
  storage: { may: ['domain', 'config', 'util'] },
  cards: { may: ['domain', 'ask', 'import'], types: ['services'] },
  notify: { may: ['domain', 'config', 'logging', 'storage', 'util'] },
  services: { may: ['domain', 'ask', 'import', 'notify', 'report', 'storage'] },
  jobs: { may: ['domain', 'cards', 'config', 'logging', 'notify', 'services', 'storage'] },
  bot: {
    may: ['domain', 'ask', 'cards', 'config', 'import', 'logging', 'notify', 'services'],
    modules: ['storage/errors'],
  },
  demo: { may: ['domain', 'config', 'import', 'services'] },
  playground: { may: ['config', 'util'] },
  server: { may: ['domain', 'config', 'logging', 'jobs', 'services', 'storage'] },
  cli: {
    may: ['domain', 'config', 'import', 'jobs', 'logging', 'notify', 'report', 'services'],
    modules: ['storage/open-store'],
  },
};

/** Entry points: started by app.ts or bin/, imported by nothing in src/. */
const ENTRY_POINTS = ['server', 'cli'];

/** Packages kept to a few folders. */
const PACKAGES = [
  {
    regex: '^(botbuilder|botframework-[^/]+)(/|$)',
    only: ['bot', 'notify', 'server'],
    message:
      'botbuilder and botframework-* belong in bot/, notify/, server/ and the composition root; hand the notifier a plain OutgoingMessage instead.',
  },
  {
    regex: '^@azure/',
    only: ['storage'],
    message: '@azure/* belongs in storage/ only; use a repository.',
  },
  {
    regex: '^restify(/|$)',
    only: ['server'],
    message: 'restify belongs in server/ only.',
  },
];

/** The domain is pure: no Node I/O, and its clock is passed in. */
const NODE_BUILTINS = `^(node:|(${builtinModules.filter((m) => !m.startsWith('_')).join('|')})(/|$))`;

/** A file this deep in its folder reaches src/<target> with this many "../". */
const MAX_DEPTH = 5;
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function layerPatterns(layer, depth) {
  const rule = LAYERS[layer];
  const up = `^(\\.\\./){${depth}}`;
  const allowed =
    rule.may.length > 0 ? rule.may.map((l) => `${l}/`).join(', ') : 'nothing else in src/';
  const patterns = [];
  for (const target of Object.keys(LAYERS)) {
    if (target === layer || rule.may.includes(target)) continue;
    const modules = (rule.modules ?? [])
      .filter((m) => m.startsWith(`${target}/`))
      .map((m) => escape(m.slice(target.length + 1)));
    const except = modules.length > 0 ? `(?!(${modules.join('|')})$)` : '';
    const message = ENTRY_POINTS.includes(target)
      ? `Layer boundary: ${target}/ is an entry point, so ${layer}/ may not import it.`
      : `Layer boundary: ${layer}/ may import ${allowed}; not ${target}/.`;
    patterns.push({
      regex: `${up}${escape(target)}(/${except}|$)`,
      message,
      allowTypeImports: (rule.types ?? []).includes(target),
    });
  }
  patterns.push({
    regex: `${up}(app|index)$`,
    message: `Layer boundary: the composition root (src/app.ts, src/index.ts) is imported by nothing in ${layer}/.`,
  });
  for (const pkg of PACKAGES) {
    if (!pkg.only.includes(layer)) patterns.push({ regex: pkg.regex, message: pkg.message });
  }
  if (layer === 'domain') {
    patterns.push({
      regex: NODE_BUILTINS,
      message: 'Layer boundary: domain/ is pure: no Node built-ins; pass values and `now` in.',
    });
  }
  return patterns;
}

/** One block per folder and depth, so a relative path names exactly the folder it reaches. */
const boundaries = Object.keys(LAYERS).flatMap((layer) =>
  Array.from({ length: MAX_DEPTH }, (_, i) => ({
    files: [`src/${layer}/${'*/'.repeat(i)}*.ts`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: layerPatterns(layer, i + 1) },
      ],
    },
  })),
);

module.exports = tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.data/', 'build/', 'coverage/', 'test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  ...boundaries,
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
      },
    },
  },
);
