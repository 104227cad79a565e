'use strict';
// Runs an entry point from source in a development checkout (so edits take effect without a
// build), and from the compiled dist/ in a production install where neither src/ nor tsx exist.
const fs = require('node:fs');
const path = require('node:path');

module.exports = function launch(entry) {
  const root = path.join(__dirname, '..');
  const source = path.join(root, 'src', `${entry}.ts`);
  let tsx;
  try {
    tsx = require.resolve('tsx/cjs', { paths: [root] });
  } catch {
    tsx = null;
  }
  if (tsx && fs.existsSync(source)) {
    require(tsx);
    return require(source);
  }
  const built = path.join(root, 'dist', 'src', `${entry}.js`);
  if (!fs.existsSync(built)) {
    process.stderr.write(`Cannot find ${built}. Run "npm run build" first.\n`);
    process.exit(1);
  }
  return require(built);
};
