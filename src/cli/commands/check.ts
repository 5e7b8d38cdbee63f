import type { Command } from 'commander';
import { CliError } from '../cli-error';
import type { CliContext } from '../context';
import { chooseSubject } from '../folder-defaults';
import { formatTable, print, printJson } from '../output';
import { io, exitWith } from '../cli-io';

function parseConcurrency(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > 16)
    throw new CliError(`--concurrency: give a whole number from 1 to 16 ("${text}" is not).`, 2);
  return value;
}

/** One line on stderr that redraws itself: [#####.....] 12/40. */
function progress(done: number, total: number): void {
  const width = 30;
  const filled = Math.round((done / total) * width);
  io().stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
  if (done === total) io().stderr.write('\n');
}

export function registerCheckCommand(program: Command, ctx: CliContext): void {
  program
    .command('check [refs...]')
    .description(
      'Ask Vonage whether accounts (key and secret) and applications (exist, key matches, Voice accepts a token) still work. Exits 0 when all are OK, 1 when any is not.',
    )
    .option('--all', 'every account and application in the vault')
    .option('--json', 'print the results as JSON')
    .option('--concurrency <n>', 'how many requests at once (1-16, default 4)', '4')
    .action(
      async (refs: string[], options: { all?: boolean; json?: boolean; concurrency: string }) => {
        const concurrency = parseConcurrency(options.concurrency);
        if (options.all && refs.length) throw new CliError('Give names or --all, not both.', 2);
        const refsOrAll = options.all
          ? { all: true as const }
          : { refs: refs.length ? refs : [chooseSubject(undefined, 'application or account').ref] };
        const showProgress = io().stderr.isTTY && !options.json && (options.all || refs.length > 1);
        const results = await ctx.call(
          'vonage:check',
          { ...refsOrAll, concurrency },
          showProgress ? { progress } : {},
        );
        if (options.json) printJson(results);
        else {
          print(
            formatTable(
              ['NAME', 'KIND', 'ACCOUNT', 'RESULT', 'WHAT'],
              results.map((r) => [r.name, r.kind, r.account, r.code, r.message]),
            ),
          );
          if (io().stdout.isTTY && results.length > 1) {
            const failed = results.filter((r) => !r.ok).length;
            print(
              failed ? `\n${failed} of ${results.length} not OK.` : `\nAll ${results.length} OK.`,
            );
          }
        }
        if (results.some((r) => !r.ok)) exitWith(1);
      },
    );
}
