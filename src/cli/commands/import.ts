import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { ImportPreview, ImportResult } from '../../shared/import-schemas';
import type { CliContext } from '../context';
import { formatTable, note, print, printJson } from '../output';
import { confirm } from '../terminal-input';
import { io, exitWith } from '../cli-io';

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
    .option(
      '--allow-outside-paths',
      'read a private key file the file names outside its own folder (shown in the preview first)',
    )
    .option('--json', 'print JSON')
    .action(
      async (
        file: string,
        options: {
          dryRun?: boolean;
          account?: string;
          allowOutsidePaths?: boolean;
          json?: boolean;
        },
      ) => {
        const input = {
          path: resolve(file),
          accountName: options.account,
          allowOutsidePaths: options.allowOutsidePaths,
        };
        const preview = await ctx.call('import:previewFile', input);
        const blocked = preview.items.filter(
          (i) => i.action === 'error' || i.action === 'conflict',
        );
        if (options.json && options.dryRun) return printJson(preview);
        if (!options.json) showPreview(preview);
        if (options.dryRun || !preview.hasChanges) {
          if (options.json) printJson({ preview, result: null });
          else if (options.dryRun) note('Dry run: nothing was stored.');
          else if (blocked.length === 0) note('Nothing new to import.');
          else
            note(`Nothing imported: ${countWords(blocked.length, 'item')} could not be imported.`);
          if (blocked.length > 0) exitWith(1);
          return;
        }
        if (io().stdin.isTTY && !(await confirm('Import the items marked "new"?'))) {
          return note('Nothing was imported.');
        }
        const result = await ctx.call('import:applyFile', input);
        if (options.json) printJson({ preview, result });
        else showResult(result);
        const failed = result.items.filter((i) => i.outcome === 'failed').length;
        if (failed > 0 || blocked.length > 0) exitWith(1);
      },
    );
}

const countWords = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

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
    if (item.kind === 'application' && item.keyOutside && item.action !== 'error')
      note(`  warning: its private key is read from ${item.keyPath}, outside the file's folder.`);
  }
}

function showResult(result: ImportResult): void {
  for (const item of result.items) {
    note(
      `${item.outcome}: ${item.label}${item.note && item.outcome !== 'created' ? ` - ${item.note}` : ''}`,
    );
  }
  const count = (outcome: ImportResult['items'][number]['outcome']) =>
    result.items.filter((i) => i.outcome === outcome).length;
  note(
    `Imported: ${count('created')} created, ${count('failed')} failed, ${count('unchanged') + count('skipped')} unchanged or skipped.`,
  );
}
