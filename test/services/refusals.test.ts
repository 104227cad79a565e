import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { NotAllowedError, NotFoundError } from '../../src/services/errors';
import { refusals } from '../../src/services/refusals';

const SRC = path.join(__dirname, '../../src');
/** The module that words every refusal, and the one that declares the error classes. */
const HOMES = new Set(['services/refusals.ts', 'services/errors.ts']);

/** Where a source builds a refusal itself instead of taking it from `refusals`. */
function ownRefusals(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  return [...code.matchAll(/\bnew\s+(NotAllowedError|NotFoundError)\s*\(/g)].map((m) => m[1]);
}

describe('refusals', () => {
  const files = (readdirSync(SRC, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('.ts') && !HOMES.has(f));

  it('finds the sources, in every layer', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toEqual(expect.arrayContaining(['bot/commands/sign-off.ts', 'cli/main.ts']));
  });

  it.each(files)('%s takes its refusals from services/refusals', (file) => {
    expect(ownRefusals(readFileSync(path.join(SRC, file), 'utf8'))).toEqual([]);
  });

  it('catches a refusal worded on the spot, and not one in a comment', () => {
    expect(ownRefusals("throw new NotAllowedError('Only chairs can do that.');")).toEqual([
      'NotAllowedError',
    ]);
    expect(ownRefusals('if (!plan) throw new  NotFoundError(`No plan ${id}.`);')).toEqual([
      'NotFoundError',
    ]);
    expect(ownRefusals('// new NotFoundError( is worded in refusals\nconst a = 1;')).toEqual([]);
  });

  it('words each rule once, naming what was refused', () => {
    expect(refusals.chairsOnly('sign off actions')).toBeInstanceOf(NotAllowedError);
    expect(refusals.chairsOnly('sign off actions').message).toBe(
      'Only chairs and admins can sign off actions.',
    );
    expect(refusals.chairsOnly('set meeting dates').message).toBe(
      'Only chairs and admins can set meeting dates.',
    );
    expect(refusals.noSuchPlan('comms')).toBeInstanceOf(NotFoundError);
    expect(refusals.noSuchPlan('comms').message).toBe('There is no plan "comms".');
    expect(refusals.notOwner({ ref: '4', owners: ['Head of Finance'] }, 'update it').message).toBe(
      'Action 4 belongs to Head of Finance. Only the holders of those posts (or an admin) can update it.',
    );
    expect(refusals.signedOff({ ref: '4', signedOffBy: 'Cllr Jones' }).message).toBe(
      'Action 4 was signed off by Cllr Jones. Ask a chair or admin to reopen it before changing it.',
    );
  });
});
