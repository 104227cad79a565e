import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';

type ManifestSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

/** The parts of a Teams manifest the packaging rules look at. */
export interface ManifestShape {
  $schema?: string;
  manifestVersion?: string;
  version?: string;
  icons?: { color?: string; outline?: string };
  developer?: { websiteUrl?: string; privacyUrl?: string; termsOfUseUrl?: string };
  bots?: {
    commandLists?: { scopes?: string[]; commands?: { title?: string; description?: string }[] }[];
  }[];
}

/** Limits Teams applies to bot commands beyond what the JSON schema says. */
export const COMMAND_LIMITS = { commands: 10, title: 32, description: 128 } as const;

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const SCHEMA_URL = /\/json-schemas\/teams\/(v[0-9.]+|vDevPreview)\/MicrosoftTeams\.schema\.json$/i;

/**
 * Turns a JSON pointer such as `/bots/0/botId` into the dotted path people read in the
 * manifest, `bots[0].botId`; the root becomes `manifest`.
 */
export function fieldPath(pointer: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  const joined = parts
    .map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
  return joined || 'manifest';
}

/** The bundled schema file for a manifest's `$schema` URL, or undefined if none is bundled. */
export function bundledSchemaPath(schemaUrl: string): string | undefined {
  const version = SCHEMA_URL.exec(schemaUrl)?.[1];
  if (!version) return undefined;
  // The package ships every published schema; reading it here keeps validation offline.
  const root = path.dirname(require.resolve('@microsoft/app-manifest'));
  return path.join(root, 'json-schemas', 'teams', version, 'MicrosoftTeams.schema.json');
}

async function loadSchema(file: string): Promise<ManifestSchema | undefined> {
  try {
    // Some published schemas hold \a and \v escapes that JSON does not allow.
    const raw = (await readFile(file, 'utf8'))
      .replace(/\\a/g, '\\u0007')
      .replace(/\\v/g, '\\u000b');
    return JSON.parse(raw) as ManifestSchema;
  } catch {
    return undefined;
  }
}

const DETAIL = /^(\S*) ([\s\S]*?)\. Details: ([\s\S]*)$/;

/** One schema error from the validator as `field: message`. */
function describeSchemaError(error: string): string {
  const match = DETAIL.exec(error);
  if (!match) return error.trim();
  const [, pointer, message] = match;
  let params: Record<string, unknown>;
  try {
    params = JSON.parse(match[3]) as Record<string, unknown>;
  } catch {
    params = {};
  }
  let text = message;
  if (typeof params.additionalProperty === 'string') text += ` ("${params.additionalProperty}")`;
  if (Array.isArray(params.allowedValues)) text += `: ${params.allowedValues.join(', ')}`;
  return `${fieldPath(pointer)}: ${text}`;
}

/**
 * Checks a filled manifest against the schema its `$schema` names, read from the copy bundled
 * with `@microsoft/app-manifest` (never the network). Returns `field: message` problems.
 */
export async function schemaProblems(manifest: unknown): Promise<string[]> {
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) {
    return ['manifest: must be a JSON object'];
  }
  const { $schema, manifestVersion } = manifest as ManifestShape;
  const file = typeof $schema === 'string' ? bundledSchemaPath($schema) : undefined;
  const schema = file ? await loadSchema(file) : undefined;
  if (!schema) {
    return [
      `$schema: "${String($schema)}" is not a Teams manifest schema bundled with @microsoft/app-manifest — use https://developer.microsoft.com/json-schemas/teams/v1.NN/MicrosoftTeams.schema.json`,
    ];
  }
  const schemaVersion = SCHEMA_URL.exec($schema as string)?.[1].slice(1);
  if (schemaVersion !== manifestVersion && schemaVersion !== 'DevPreview') {
    return [`manifestVersion: "${manifestVersion}" does not match $schema (v${schemaVersion})`];
  }
  const errors = await AppManifestUtils.validateAgainstSchema(
    manifest as unknown as AppManifest,
    schema,
  );
  return [...new Set(errors.map(describeSchemaError))];
}

/**
 * Rules Teams enforces when the app is uploaded that the schema does not: a MAJOR.MINOR.PATCH
 * version, command counts and lengths, https links, and icons named as files at the root of
 * the (flat) package.
 */
export function teamsRuleProblems(manifest: ManifestShape): string[] {
  const problems: string[] = [];
  if (manifest.version !== undefined && !SEMVER.test(manifest.version)) {
    problems.push(`version: "${manifest.version}" must be MAJOR.MINOR.PATCH, for example 1.0.0`);
  }
  (manifest.bots ?? []).forEach((bot, b) => {
    (bot.commandLists ?? []).forEach((list, l) => {
      const at = `bots[${b}].commandLists[${l}].commands`;
      const commands = list.commands ?? [];
      if (commands.length > COMMAND_LIMITS.commands) {
        problems.push(
          `${at}: ${commands.length} commands — Teams shows at most ${COMMAND_LIMITS.commands}`,
        );
      }
      const seen = new Set<string>();
      commands.forEach((command, c) => {
        const title = command.title ?? '';
        if (title.length > COMMAND_LIMITS.title) {
          problems.push(
            `${at}[${c}].title: "${title}" is longer than ${COMMAND_LIMITS.title} characters`,
          );
        }
        if ((command.description ?? '').length > COMMAND_LIMITS.description) {
          problems.push(
            `${at}[${c}].description: longer than ${COMMAND_LIMITS.description} characters`,
          );
        }
        if (seen.has(title.toLowerCase()))
          problems.push(`${at}[${c}].title: "${title}" is listed twice`);
        seen.add(title.toLowerCase());
      });
    });
  });
  for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl'] as const) {
    const url = manifest.developer?.[key];
    if (url !== undefined && !/^https:\/\/[^\s/]+/i.test(url)) {
      problems.push(`developer.${key}: "${url}" must be an https:// address`);
    }
  }
  for (const key of ['color', 'outline'] as const) {
    const file = manifest.icons?.[key];
    if (
      file !== undefined &&
      (file !== path.basename(file) || !file.toLowerCase().endsWith('.png'))
    ) {
      problems.push(
        `icons.${key}: "${file}" must be a .png file name beside manifest.json (no folder)`,
      );
    }
  }
  return problems;
}
