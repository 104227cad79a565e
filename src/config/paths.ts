import fs from 'node:fs';
import path from 'node:path';

/**
 * The project folder (where package.json is), found from this file so the CLI and server use
 * the same `.data/` whether they run from source, from dist/ or from another working directory.
 */
export function projectRoot(start: string = __dirname): string {
  let dir = start;
  while (dir !== path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

/** The folder of the embedded table store. */
export function dataDir(configured: string | undefined): string {
  return configured ? path.resolve(configured) : path.join(projectRoot(), '.data');
}
