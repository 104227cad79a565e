'use strict';
// Runs an entry point from the compiled dist/ whenever it is built and no older than the
// sources beside it (a production install has no sources at all). Only a checkout without a
// current build runs from source through tsx, so edits take effect before the next build.
const fs = require('node:fs');
const path = require('node:path');

/** The newest modification time (ms) of the files under `dir` whose names end with `ext`. */
function newestUnder(dir, ext) {
  let newest = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestUnder(full, ext));
    else if (entry.name.endsWith(ext)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * How to run `entry` in the project at `root`: `dist` (the compiled file), `source` (through
 * tsx), or `missing` (neither can run). `stale` is true when the compiled file is older than a
 * source or card template it was built from. `tsx` is whether tsx can be loaded.
 */
function choose(root, entry, tsx) {
  const built = path.join(root, 'dist', 'src', `${entry}.js`);
  const source = path.join(root, 'src', `${entry}.ts`);
  let builtAt;
  try {
    builtAt = fs.statSync(built).mtimeMs;
  } catch {
    builtAt = null;
  }
  const hasSource = fs.existsSync(source);
  if (builtAt === null) {
    return hasSource && tsx
      ? { run: 'source', file: source, stale: false }
      : { run: 'missing', file: built, stale: false };
  }
  if (!hasSource) return { run: 'dist', file: built, stale: false };
  // tsc writes every output on each build, so the entry's time is when the build ran.
  const newest = Math.max(
    newestUnder(path.join(root, 'src'), '.ts'),
    newestUnder(path.join(root, 'cards'), '.json'),
  );
  const stale = newest > builtAt;
  if (stale && tsx) return { run: 'source', file: source, stale };
  return { run: 'dist', file: built, stale };
}

function tsxPath(root) {
  try {
    return require.resolve('tsx/cjs', { paths: [root] });
  } catch {
    return null;
  }
}

/** Runs `entry` (e.g. `index`, `cli/main`) as {@link choose} decides. */
function launch(entry) {
  const root = path.join(__dirname, '..');
  const tsx = tsxPath(root);
  const choice = choose(root, entry, tsx !== null);
  if (choice.run === 'missing') {
    process.stderr.write(`Cannot find ${choice.file}. Run "npm run build" first.\n`);
    process.exit(1);
  }
  if (choice.run === 'source') {
    require(tsx);
    // The ES module hooks too: modules loaded on first use (`await import(…)`) go through them.
    // They come from tsx's ES module API: its CommonJS build registers them from a wrong path.
    return import('tsx/esm/api').then(
      (api) => {
        api.register();
        return require(choice.file);
      },
      (error) => {
        process.stderr.write(`Cannot run from source: ${error.message}\n`);
        process.exit(1);
      },
    );
  }
  if (choice.stale) {
    process.stderr.write(
      'Running dist/, which is older than src/ (tsx is not installed): run "npm run build".\n',
    );
  }
  return require(choice.file);
}

module.exports = launch;
module.exports.choose = choose;
