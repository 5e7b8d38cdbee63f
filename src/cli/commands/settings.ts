import type { Command } from 'commander';
import type { ChannelInput } from '../../shared/contract';
import { formatDuration, parseDuration } from '../../shared/durations';
import type { Settings } from '../../shared/settings-schemas';
import { CliError } from '../cli-error';
import type { CliContext } from '../context';
import { routesText } from '../../shared/proxy-route';
import { formatTable, note, print, printJson } from '../output';

type Key = keyof Settings;

/** Every setting the app has, as the command line names, reads and shows it. */
const keys: Record<
  string,
  { key: Key; what: string; parse: (text: string) => unknown; show: (value: never) => string }
> = {
  'clipboard-clear': {
    key: 'clipboardClearSeconds',
    what: 'clear a copied secret or token after this long, or never',
    parse: (text) => (text === 'never' ? null : (parseDuration(text) ?? text)),
    show: (value: number | null) => (value === null ? 'never' : formatDuration(value)),
  },
  'default-ttl': {
    key: 'defaultTtlSeconds',
    what: 'the lifetime of a JWT when none is given',
    parse: (text) => parseDuration(text) ?? text,
    show: (value: number) => formatDuration(value),
  },
  'default-acl': {
    key: 'defaultAclPreset',
    what: 'the ACL preset of a JWT when none is given',
    parse: (text) => text,
    show: (value: string) => value,
  },
  'history-retention': {
    key: 'historyRetentionDays',
    what: 'days of history kept',
    parse: (text) => (/^\d+d?$/.test(text) ? Number(text.replace(/d$/, '')) : text),
    show: (value: number) => `${value} d`,
  },
  theme: {
    key: 'theme',
    what: "the app's theme: system, light or dark",
    parse: (text) => text,
    show: (value: string) => value,
  },
  'vonage-api-host': {
    key: 'vonageApiHost',
    what: 'where checks ask Vonage about applications and Voice (https on *.nexmo.com or *.vonage.com, or this machine)',
    parse: (text) => text,
    show: (value: string) => value,
  },
  'vonage-rest-host': {
    key: 'vonageRestHost',
    what: 'where checks ask Vonage for the balance (https on *.nexmo.com or *.vonage.com, or this machine)',
    parse: (text) => text,
    show: (value: string) => value,
  },
  'vault-lock-after': {
    key: 'vaultLockMinutes',
    what: 'the app locks the encrypted vault file after this long unused',
    parse: (text) => {
      const seconds = parseDuration(text);
      return seconds !== undefined && seconds % 60 === 0 ? seconds / 60 : text;
    },
    show: (value: number) => formatDuration(value * 60),
  },
  'quick-copy-shortcut': {
    key: 'quickCopyShortcut',
    what: "the app's global shortcut for quick copy (CommandOrControl+Shift+Space), or off",
    parse: (text) => text,
    show: (value: string) => value,
  },
  'keep-in-tray': {
    key: 'keepInTray',
    what: 'closing the app window keeps it in the tray: on or off',
    parse: (text) => (text === 'on' ? true : text === 'off' ? false : text),
    show: (value: boolean) => (value ? 'on' : 'off'),
  },
  'vonage-timeout': {
    key: 'vonageTimeoutSeconds',
    what: 'how long Vonage may take to answer one request of a check',
    parse: (text) => parseDuration(text) ?? text,
    show: (value: number) => formatDuration(value),
  },
  'oauth-timeout': {
    key: 'oauthTimeoutSeconds',
    what: 'how long an OAuth provider may take to answer',
    parse: (text) => parseDuration(text) ?? text,
    show: (value: number) => formatDuration(value),
  },
};

/** What a value that did not parse should have been, where it is not a duration. */
const expected: Partial<Record<Key, string>> = {
  historyRetentionDays: 'a number of days',
  clipboardClearSeconds: 'a duration (30s, 15m, 1h) or never',
  keepInTray: 'on or off',
  vaultLockMinutes: 'a whole number of minutes, such as 15m or 1h',
};

function entryOf(name: string) {
  const entry = keys[name] ?? Object.values(keys).find((e) => e.key === name);
  if (!entry)
    throw new CliError(
      `"${name}" is not a setting; the settings are ${Object.keys(keys).join(', ')}.`,
      2,
    );
  return entry;
}

export function registerSettingsCommand(program: Command, ctx: CliContext): void {
  const settings = program
    .command('settings')
    .description('The settings the app and the CLI share: list, get KEY, set KEY VALUE');

  settings
    .command('list', { isDefault: true })
    .description('Every setting with its value')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const values = await ctx.call('settings:get', {});
      if (options.json) return printJson(values);
      print(
        formatTable(
          ['SETTING', 'VALUE', 'WHAT'],
          Object.entries(keys).map(([name, e]) => [name, e.show(values[e.key] as never), e.what]),
        ),
      );
      // Not a setting, but what decides whether the hosts above are reached (HTTPS_PROXY …).
      const routes = await ctx.call('vonage:proxy', {});
      note(`Network: ${routesText(routes)}.`);
    });

  settings
    .command('get <key>')
    .description('One setting, as set (seconds, days) for a script')
    .action(async (name: string) => {
      const entry = entryOf(name);
      const value = (await ctx.call('settings:get', {}))[entry.key];
      print(value === null ? 'never' : String(value));
    });

  settings
    .command('set <key> <value>')
    .description('Change a setting: durations as 30s, 15m, 1h; "never" for the clipboard')
    .action(async (name: string, text: string) => {
      const entry = entryOf(name);
      const value = entry.parse(text.trim());
      const current = (await ctx.call('settings:get', {}))[entry.key];
      if (typeof value === 'string' && typeof current !== 'string')
        throw new CliError(
          `${name}: "${text}" is not ${expected[entry.key] ?? 'a duration; use 30s, 15m, 1h'}.`,
          2,
        );
      const patch = { [entry.key]: value } as ChannelInput<'settings:update'>;
      const updated = await ctx.call('settings:update', patch);
      note(`${name} is now ${entry.show(updated[entry.key] as never)}.`);
    });
}
