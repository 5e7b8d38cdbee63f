import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import type { ImportPreview, ImportResult } from '../../shared/import-schemas';
import { readTextFile } from './apps';
import type { CliContext } from '../context';
import { formatTable, note, print, printJson } from '../output';
import { confirm } from '../terminal-input';

const actionWords: Record<ImportPreview['items'][number]['action'], string> = {
  create: 'new',
  unchanged: 'already stored',
  conflict: 'differs (kept)',
  error: 'cannot import',
};

export function registerImportCommand(program: Command, ctx: CliContext): void {
  program
    .command('import <file>')
    .description(
      'Import a .nexmorc, .nexmo-app, .vonagerc, config.json, vonage_app.json or private.key',
    )
    .option('--dry-run', 'show what would be imported, store nothing')
    .option(
      '--account <name>',
      'account for an application the file has no account for, or the name of a new account',
    )
    .option('--json', 'print JSON')
    .action(
      async (file: string, options: { dryRun?: boolean; account?: string; json?: boolean }) => {
        const path = resolve(file);
        const input = {
          fileName: path,
          content: readTextFile(path, 256 * 1024, 'a Vonage credentials file'),
          sourceDir: dirname(path),
          accountName: options.account,
        };
        const preview = await ctx.call('import:preview', input);
        if (options.json && options.dryRun) return printJson(preview);
        if (!options.json) showPreview(preview);
        if (options.dryRun || !preview.hasChanges) {
          if (!options.json)
            note(preview.hasChanges ? 'Dry run: nothing was stored.' : 'Nothing new to import.');
          else printJson({ preview, result: null });
          return;
        }
        if (process.stdin.isTTY && !(await confirm('Import the items marked "new"?'))) {
          return note('Nothing was imported.');
        }
        const result = await ctx.call('import:apply', input);
        if (options.json) return printJson({ preview, result });
        showResult(result);
        if (result.items.some((i) => i.outcome === 'failed')) process.exitCode = 1;
      },
    );
}

function showPreview(preview: ImportPreview): void {
  note(`Found ${preview.formatLabel}:`);
  print(
    formatTable(
      ['WHAT', 'NAME', 'ID / API KEY', 'STATUS'],
      preview.items.map((item) => [
        item.kind,
        item.name || '-',
        item.kind === 'account' ? item.apiKey : item.id || '-',
        actionWords[item.action],
      ]),
    ),
  );
  for (const item of preview.items) {
    if (item.note && item.action !== 'unchanged')
      note(`  ${item.kind} ${item.name || item.action}: ${item.note}`);
  }
}

function showResult(result: ImportResult): void {
  for (const item of result.items) {
    note(
      `${item.outcome}: ${item.label}${item.note && item.outcome !== 'created' ? ` - ${item.note}` : ''}`,
    );
  }
}
