import type { Command } from 'commander';
import { parseDuration } from '../../shared/durations';
import { historyActions, type HistoryAction } from '../../shared/history-actions';
import type { HistoryEvent } from '../../shared/history-schemas';
import { historyLimits } from '../../shared/limits';
import { CliError } from '../cli-error';
import type { CliContext } from '../context';
import { formatTable, note, print, printJson, printValue } from '../output';
import { groupDigits } from '../../shared/group-digits';
import { limitOption } from '../limit-option';

interface HistoryOptions {
  account?: string;
  app?: string;
  action?: string;
  since?: string;
  limit?: string;
  json?: boolean;
  csv?: boolean;
}

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "7d", "12h", "30m" back from now, or an ISO 8601 time. */
function parseSince(text: string): string {
  const seconds = parseDuration(text);
  if (seconds !== undefined) return new Date(Date.now() - seconds * 1000).toISOString();
  const time = Date.parse(text);
  if (/^\d{4}-\d{2}-\d{2}/.test(text) && !Number.isNaN(time)) return new Date(time).toISOString();
  throw new CliError(
    `--since: "${text}" is neither a time like 2026-11-01 or 2026-11-01T09:00:00Z nor a span like 7d, 12h, 30m.`,
    2,
  );
}

function parseAction(text: string): HistoryAction {
  const action = historyActions.find((known) => known === text);
  if (!action) {
    throw new CliError(
      `--action: "${text}" is not an action; use one of ${historyActions.join(', ')}.`,
      2,
    );
  }
  return action;
}

/** The same bounds for the table, --json and --csv: up to the export's million events. */
const maxLimit = historyLimits.export;

const parseLimit = limitOption(maxLimit);

function localTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function row(event: HistoryEvent): string[] {
  const outcome = event.outcome === 'ok' ? '' : ` — FAILED: ${event.error?.message ?? ''}`;
  return [
    localTime(event.at),
    event.action,
    event.accountName ?? '',
    event.applicationName ?? event.applicationId ?? '',
    `${event.summary}${outcome}`,
  ];
}

export function registerHistoryCommand(program: Command, ctx: CliContext): void {
  program
    .command('history')
    .description('Show the audit history, newest first')
    .option('--account <name>', 'only events of this account')
    .option('--app <app>', 'only events of this application (id or name)')
    .option('--action <kind>', `only this action: ${historyActions.join(', ')}`)
    .option(
      '--since <when>',
      'only events since an ISO time, or a span back from now: 7d, 12h, 30m',
    )
    .option(
      '--limit <n>',
      `how many events, 1 to ${groupDigits(maxLimit)} (default ${historyLimits.defaultPage}; with --csv, all)`,
    )
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV (all matching events up to --limit)')
    .action(async (options: HistoryOptions) => {
      if (options.json && options.csv) throw new CliError('Give --json or --csv, not both.', 2);
      const filter = {
        accountId: options.account ? (await ctx.resolveAccount(options.account)).id : undefined,
        // An id as given: the history keeps events of applications since removed.
        applicationId: options.app
          ? uuidShape.test(options.app.trim())
            ? options.app.trim().toLowerCase()
            : (await ctx.resolveApp(options.app)).id
          : undefined,
        action: options.action === undefined ? undefined : parseAction(options.action),
        since: options.since === undefined ? undefined : parseSince(options.since),
      };
      const asked = options.limit === undefined ? undefined : parseLimit(options.limit);
      if (options.csv) {
        const { csv } = await ctx.call('history:export', { ...filter, limit: asked });
        printValue(csv, { newline: false });
        return;
      }
      const limit = asked ?? historyLimits.defaultPage;
      // Pages of at most 500 (the contract's page), until the limit or the end of the history.
      const events: HistoryEvent[] = [];
      let cursor: number | undefined;
      let more = true;
      while (more && events.length < limit) {
        const page = await ctx.call('history:list', {
          ...filter,
          limit: Math.min(historyLimits.page, limit - events.length),
          cursor,
        });
        events.push(...page.events);
        more = page.nextCursor !== null;
        cursor = page.nextCursor ?? undefined;
      }
      if (options.json) return printJson(events);
      if (events.length === 0) return note('No history events match.');
      print(formatTable(['TIME', 'ACTION', 'ACCOUNT', 'APPLICATION', 'WHAT'], events.map(row)));
      if (more) note(`(showing the newest ${limit}; use --limit for more)`);
    });
}
