import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { AppPackageError } from './app-package-error';
import { iconProblems, type IconKind } from './check-icons';
import {
  PLACEHOLDER_SOURCES,
  fillPlaceholders,
  placeholderFields,
  placeholderValues,
  type Env,
  type PlaceholderValues,
} from './placeholders';
import { schemaProblems, teamsRuleProblems, type ManifestShape } from './validate-manifest';

/** Where the package comes from and goes to. */
export interface BuildAppPackageOptions {
  /** Settings that fill the placeholders (`MicrosoftAppId`, `BOT_DOMAIN`, …). */
  env: Env;
  /** Folder holding manifest.json (the template) and the icons it names. */
  manifestDir: string;
  /** Path of the zip to write. */
  outFile: string;
  /** Manifest version when APP_VERSION is not set. Default 1.0.0. */
  defaultVersion?: string;
}

/** A filled and checked manifest, with the icon files it names. */
export interface RenderedManifest {
  manifest: ManifestShape & Record<string, unknown>;
  icons: { name: string; data: Buffer }[];
}

// A fixed date keeps the zip byte-for-byte the same for the same inputs.
const ZIP_DATE = new Date('2024-01-01T00:00:00Z');

/** Adds the setting behind a field to its schema error, e.g. "(set from MicrosoftAppId = …)". */
function withSource(
  problem: string,
  fields: Map<string, string[]>,
  values: PlaceholderValues,
  env: Env,
): string {
  const field = problem.slice(0, problem.indexOf(':'));
  const names = fields.get(field);
  if (!names) return problem;
  const sources = names.map((name) => {
    const source = PLACEHOLDER_SOURCES[name] ?? name;
    const value = values[name] ?? env[name] ?? '';
    return `${source} = "${value}"`;
  });
  return `${problem} (set from ${sources.join(', ')})`;
}

/**
 * Fills the manifest template from the settings and checks it: against its bundled schema, the
 * rules Teams applies on upload, and the icons' sizes and outline transparency. Throws an
 * AppPackageError listing every problem.
 */
export async function renderManifest(
  options: Omit<BuildAppPackageOptions, 'outFile'>,
): Promise<RenderedManifest> {
  const templateFile = path.join(options.manifestDir, 'manifest.json');
  const template = await readFile(templateFile, 'utf8').catch(() => {
    throw new AppPackageError([`${templateFile}: cannot be read`]);
  });
  let fields: Map<string, string[]>;
  try {
    fields = placeholderFields(JSON.parse(template));
  } catch (error) {
    throw new AppPackageError([`manifest.json: not valid JSON (${(error as Error).message})`]);
  }
  const values = placeholderValues(options.env, options.defaultVersion);
  const manifest = JSON.parse(
    fillPlaceholders(template, values, options.env),
  ) as RenderedManifest['manifest'];

  const found = await schemaProblems(manifest);
  // The extra rules assume a manifest of the right shape, so they wait for the schema to pass.
  if (found.length === 0) found.push(...teamsRuleProblems(manifest));
  const problems = found.map((problem) => withSource(problem, fields, values, options.env));

  const icons: RenderedManifest['icons'] = [];
  for (const kind of ['color', 'outline'] as IconKind[]) {
    const name = manifest.icons?.[kind];
    if (!name || name !== path.basename(name)) continue;
    const data = await readFile(path.join(options.manifestDir, name)).catch(() => undefined);
    if (!data) {
      problems.push(`icons.${kind}: ${name} is not in ${options.manifestDir}`);
      continue;
    }
    problems.push(...iconProblems(name, data, kind));
    icons.push({ name, data });
  }
  if (problems.length > 0) throw new AppPackageError(problems);
  return { manifest, icons };
}

/**
 * Builds the Teams app package: manifest.json (filled and checked) and its two icons at the
 * root of a zip. Returns the zip's path. On any problem it throws an AppPackageError and leaves
 * no zip behind, so a stale package is never uploaded by mistake.
 */
export async function buildAppPackage(options: BuildAppPackageOptions): Promise<string> {
  const outFile = path.resolve(options.outFile);
  await rm(outFile, { force: true });
  const { manifest, icons } = await renderManifest(options);
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date: ZIP_DATE });
  for (const icon of icons) zip.file(icon.name, icon.data, { date: ZIP_DATE });
  const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  await mkdir(path.dirname(outFile), { recursive: true });
  await writeFile(outFile, data);
  return outFile;
}
