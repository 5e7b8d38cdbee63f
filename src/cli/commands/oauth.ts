import { InvalidArgumentError, type Command } from 'commander';
import { defaultCallbackUrl } from '../../shared/oauth-constants';
import { CliError } from '../cli-error';
import type { CliContext } from '../context';
import { nameValueArgument } from '../name-value';
import { formatTable, note, print, printJson, printValue } from '../output';
import { confirmRemoval, readSecret } from '../terminal-input';

function collectParam(text: string, params: [string, string][]): [string, string][] {
  return [...params, nameValueArgument(text)];
}

function parseSeconds(text: string): number {
  if (!/^\d+$/.test(text.trim())) {
    throw new InvalidArgumentError(
      `give a whole number of seconds from 5 to 3600 ("${text}" is not a whole number).`,
    );
  }
  const seconds = Number(text);
  if (seconds < 5 || seconds > 3600) {
    throw new InvalidArgumentError(
      `give a whole number of seconds from 5 to 3600 (${seconds} is out of range).`,
    );
  }
  return seconds;
}

export function registerOAuthCommands(program: Command, ctx: CliContext): void {
  const oauth = program
    .command('oauth')
    .description('OAuth 1.0a: consumers, dashboard login, request signing');
  const consumer = oauth
    .command('consumer')
    .description('OAuth consumers (developer apps) of an account');

  consumer
    .command('add')
    .description('Add a consumer; its secret is read from stdin or prompted for')
    .requiredOption('--account <name>', 'the account it belongs to')
    .requiredOption('--key <consumer-key>', 'the consumer key (Dashboard > Apps > Developer)')
    .option('--base-url <url>', 'the endpoint base (default https://dashboard.nexmo.com/oauth/)')
    .option('--oob', 'log in with a PIN instead of a callback')
    .action(async (options: { account: string; key: string; baseUrl?: string; oob?: boolean }) => {
      const account = await ctx.resolveAccount(options.account);
      const consumerSecret = await readSecret(
        'Consumer secret',
        'Pipe it in, for example: printf %s "$SECRET" | keydesk oauth consumer add --account NAME --key KEY',
      );
      const added = await ctx.call('oauth:consumers:create', {
        accountId: account.id,
        consumerKey: options.key,
        consumerSecret,
        baseUrl: options.baseUrl,
        callbackUrl: options.oob ? null : defaultCallbackUrl,
      });
      note(
        `Added OAuth consumer ${added.consumerKey} to account "${added.accountName}" (${added.callbackUrl ? 'callback' : 'PIN'} login, ${added.baseUrl}).`,
      );
    });

  consumer
    .command('list')
    .description('List consumers')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const list = await ctx.call('oauth:consumers:list', {});
      if (options.json) return printJson(list);
      if (list.length === 0)
        return note(
          'No OAuth consumers yet. Add one with: keydesk oauth consumer add --account NAME --key KEY',
        );
      print(
        formatTable(
          ['CONSUMER KEY', 'ACCOUNT', 'LOGIN', 'BASE URL'],
          list.map((c) => [
            c.consumerKey,
            c.accountName,
            c.callbackUrl ? 'callback' : 'PIN (oob)',
            c.baseUrl,
          ]),
        ),
      );
    });

  consumer
    .command('remove <key>')
    .description('Remove a consumer, its secret and its access tokens')
    .option('--yes', 'do not ask for confirmation')
    .action(async (key: string, options: { yes?: boolean }) => {
      const found = (await ctx.call('oauth:consumers:list', {})).find(
        (c) => c.consumerKey === key.trim(),
      );
      if (!found)
        throw new CliError(
          `KEY: no OAuth consumer with key "${key}". "keydesk oauth consumer list" shows them.`,
        );
      await confirmRemoval(
        `Remove OAuth consumer ${found.consumerKey} (account "${found.accountName}") and its access tokens?`,
        options.yes,
      );
      const { removedTokens } = await ctx.call('oauth:consumers:remove', { id: found.id });
      note(`Removed OAuth consumer ${found.consumerKey} and ${removedTokens} access token(s).`);
    });

  oauth
    .command('login <account>')
    .description(
      "Log in with the account's consumer: authorize in the browser, then the access token is stored",
    )
    .option('--no-browser', 'only print the authorize URL')
    .option(
      '--timeout <seconds>',
      'how long to wait for the browser (default 300)',
      parseSeconds,
      300,
    )
    .action(async (accountRef: string, options: { browser: boolean; timeout: number }) => {
      // The loopback listener is this process's authorize window; it is given to the services
      // when they are made (it listens only once a login asks for its callback URL).
      // Loaded here only: node:http's module facade loads Node's HTTP client (undici), 14 ms of
      // every other command's start.
      const { createLoopbackAuthorizer } = await import('../loopback-authorizer');
      const authorizer = createLoopbackAuthorizer({
        openBrowser: options.browser,
        timeoutSeconds: options.timeout,
      });
      ctx.useAuthorizer(authorizer);
      try {
        note(`Logged in: ${await login(accountRef)}`);
      } finally {
        authorizer.close();
      }
    });

  async function login(accountRef: string): Promise<string> {
    const account = await ctx.resolveAccount(accountRef);
    const consumers = await ctx.call('oauth:consumers:list', { accountId: account.id });
    const chosen = consumers.at(-1);
    if (!chosen)
      throw new CliError(
        `Account "${account.name}" has no OAuth consumer: add one with "keydesk oauth consumer add --account ${JSON.stringify(account.name)} --key KEY".`,
      );
    if (consumers.length > 1)
      note(`Using consumer ${chosen.consumerKey} (the newest of ${consumers.length}).`);
    let token;
    if (chosen.callbackUrl === null) {
      const { pendingId, authorizeUrl } = await ctx.call('oauth:loginStart', {
        consumerId: chosen.id,
      });
      note(`Open this page, authorize Keydesk, and enter the PIN it shows:\n  ${authorizeUrl}`);
      const pin = await readSecret('PIN', 'Pipe the PIN on stdin.');
      token = await ctx.call('oauth:loginFinish', { pendingId, pin });
    } else {
      token = await ctx.call('oauth:login', { consumerId: chosen.id });
    }
    return `access token "${token.label}" (${token.id}) is in the keychain.`;
  }

  oauth
    .command('sign <account> <method> <url> [params...]')
    .description(
      "Sign a request with the account's newest access token; prints the Authorization header",
    )
    .option('--curl', 'print a curl line instead')
    .action(
      async (
        accountRef: string,
        method: string,
        url: string,
        params: string[],
        options: { curl?: boolean },
      ) => {
        const account = await ctx.resolveAccount(accountRef);
        const pairs = params.reduce<[string, string][]>((all, text) => {
          try {
            return collectParam(text, all);
          } catch (error) {
            throw new CliError(`PARAM: ${(error as Error).message}`, 2);
          }
        }, []);
        const signed = await ctx.call('oauth:sign', {
          accountId: account.id,
          method,
          url,
          params: pairs,
        });
        printValue(options.curl ? signed.curl : `Authorization: ${signed.authorization}`);
      },
    );

  oauth
    .command('tokens')
    .description('List the access tokens obtained')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const list = await ctx.call('oauth:tokens:list', {});
      if (options.json) return printJson(list);
      if (list.length === 0)
        return note('No OAuth access tokens yet. Get one with: keydesk oauth login ACCOUNT');
      print(
        formatTable(
          ['TOKEN', 'ACCOUNT', 'CONSUMER', 'LABEL', 'OBTAINED'],
          list.map((t) => [t.id, t.accountName, t.consumerKey, t.label, t.obtainedAt]),
        ),
      );
    });

  oauth
    .command('forget <token>')
    .description('Forget an access token (by id or label)')
    .action(async (ref: string) => {
      const list = await ctx.call('oauth:tokens:list', {});
      const matches = list.filter((t) => t.id === ref.trim() || t.label === ref.trim());
      const [only] = matches;
      if (!only)
        throw new CliError(
          `TOKEN: no access token with id or label "${ref}". "keydesk oauth tokens" shows them.`,
        );
      if (matches.length > 1)
        throw new CliError(`TOKEN: ${matches.length} tokens are labelled "${ref}"; give the id.`);
      await ctx.call('oauth:tokens:forget', { id: only.id });
      note(`Forgot access token "${only.label}".`);
    });
}
