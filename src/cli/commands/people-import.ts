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
      const { readPeopleFile } = await import('../../import/people-file');
      const entries = await readPeopleFile(file);
      const { repos } = await ctx.storage();
      await repos.people.importEntries(entries);
      ctx.out(`Imported ${entries.length} ${entries.length === 1 ? 'person' : 'people'}.`);
    });
}
