import type { Command } from 'commander';
import type { CliContext } from '../cli-context';

/** `people import FILE`: loads the people directory (who holds which post and role). */
export function registerPeopleImport(program: Command, ctx: CliContext): void {
  const people = program.command('people').description('Manage the people directory');
  people
    .command('import')
    .description('Import people from a CSV or XLSX file with columns name,email,post,service,role')
    .argument('<file>', 'the directory file')
    .action(async (file: string) => {
      const { importPeopleFile } = await import('../../services/import-files');
      const { count } = await importPeopleFile(async () => (await ctx.storage()).repos, file);
      ctx.out(`Imported ${count} ${count === 1 ? 'person' : 'people'}.`);
    });
}
