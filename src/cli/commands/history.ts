import type { Command } from 'commander';
import { parseDuration } from '../../shared/durations';
import {
  historyActions,
  historyLimits,
  type HistoryAction,
  type HistoryEvent,
} from '../../shared/history-schemas';
import { CliError } from '../cli-error';
import type { CliContext } from '../context';
import { formatTable, note, print, printJson } from '../output';

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

function parseLimit(text: string, max: number): number {
  const limit = Number(text);
  if (!/^\d+$/.test(text) || limit < 1 || limit > max) {
    throw new CliError(`--limit: give a whole number from 1 to ${max.toLocaleString('en')}.`, 2);
  }
  return limit;
}

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
    .option('--limit <n>', `how many events (default ${historyLimits.defaultPage})`)
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV (all matching events up to --limit)')
    .action(async (options: HistoryOptions) => {
      if (options.json && options.csv) throw new CliError('Give --json or --csv, not both.', 2);
      const { vault } = ctx.services();
      const filter = {
        accountId: options.account ? vault.accounts.resolve(options.account).id : undefined,
        applicationId: options.app
          ? uuidShape.test(options.app.trim())
            ? options.app.trim().toLowerCase()
            : vault.applications.resolve(options.app).id
          : undefined,
        action: options.action === undefined ? undefined : parseAction(options.action),
        since: options.since === undefined ? undefined : parseSince(options.since),
      };
      if (options.csv) {
        const limit =
          options.limit === undefined ? undefined : parseLimit(options.limit, historyLimits.export);
        const { csv } = await ctx.call('history:export', { ...filter, limit });
        process.stdout.write(csv);
        return;
      }
      const limit =
        options.limit === undefined
          ? historyLimits.defaultPage
          : parseLimit(options.limit, historyLimits.page);
      const page = await ctx.call('history:list', { ...filter, limit });
      if (options.json) return printJson(page.events);
      if (page.events.length === 0) return note('No history events match.');
      print(
        formatTable(['TIME', 'ACTION', 'ACCOUNT', 'APPLICATION', 'WHAT'], page.events.map(row)),
      );
      if (page.nextCursor !== null) note(`(showing the newest ${limit}; use --limit for more)`);
    });
}
