import type { Command } from 'commander';
import type { WebhookSignatureMethod, WebhookVerdict } from '../../shared/webhook-schemas';
import { webhookSignatureMethods } from '../../shared/webhook-methods';
import { readRegularFile } from '../../core/files/read-regular-file';
import { CliError } from '../cli-error';
import type { CliContext } from '../context';
import { note, print, printJson, printValue } from '../output';
import { readStdin } from '../terminal-input';
import { io, exitWith } from '../cli-io';

const maxInput = 1024 * 1024;

/** A file's text, or stdin's for "-" (one of the inputs may be). */
async function readInput(path: string, what: string): Promise<string> {
  if (path === '-') {
    if (io().stdin.isTTY) note(`Paste the ${what}, then press Ctrl-D on a line of its own:`);
    return readStdin(maxInput, `a ${what} is at most 1 MiB`);
  }
  return readRegularFile(path, maxInput, what, 'file');
}

function describe(verdict: WebhookVerdict): string {
  const lines = [
    `${verdict.valid ? 'Valid' : 'NOT valid'}: ${verdict.scheme === 'jwt' ? 'signed webhook (Bearer JWT, HS256)' : `signed request (sig, ${verdict.method ?? 'no method'})`}${verdict.account ? ` for account "${verdict.account.name}"` : ''}`,
  ];
  for (const reason of verdict.reasons) lines.push(`  ${reason.code}: ${reason.message}`);
  const { payloadHash, signedString, claims } = verdict.details;
  if (claims) lines.push(`Claims:        ${JSON.stringify(claims)}`);
  if (payloadHash) {
    lines.push(`payload_hash:  ${payloadHash.expected}`);
    lines.push(`body hashes to ${payloadHash.computed}`);
  }
  if (signedString !== undefined) lines.push(`Signed string: ${signedString}`);
  return lines.join('\n');
}

export function registerWebhookCommands(program: Command, ctx: CliContext): void {
  const webhook = program
    .command('webhook')
    .description('Verify the signature of a webhook a customer received, or sign a test one');

  webhook
    .command('verify')
    .description(
      'Say why a signature verifies or not. A signed webhook: --request-file (the raw request) or --token with --body-file. A signed request or SMS webhook: --sms --params. "-" reads stdin. Exits 0 when valid, 1 when not.',
    )
    .option('--account <name>', 'the account to check against (else the one the request names)')
    .option(
      '--request-file <file>',
      'the whole HTTP request: request line, headers, blank line, body',
    )
    .option('--token <jwt>', "the Authorization header's token")
    .option('--body-file <file>', 'the body as received (with --token)')
    .option('--sms', 'a signed request or SMS webhook: the sig parameter')
    .option('--params <query>', "the parameters with sig, as 'name=value&…' (with --sms)")
    .option('--json', 'print JSON')
    .action(
      async (options: {
        account?: string;
        requestFile?: string;
        token?: string;
        bodyFile?: string;
        sms?: boolean;
        params?: string;
        json?: boolean;
      }) => {
        const account = options.account ? { account: options.account } : {};
        let verdict: WebhookVerdict;
        if (options.sms) {
          if (!options.params)
            throw new CliError(
              "--sms needs --params 'name=value&…&sig=…' (quote it for the shell).",
              2,
            );
          verdict = await ctx.call('webhooks:verify', {
            scheme: 'sig',
            params: options.params,
            ...account,
          });
        } else if (options.requestFile) {
          if (options.token || options.bodyFile)
            throw new CliError('Give --request-file, or --token with --body-file, not both.', 2);
          const request = await readInput(options.requestFile, 'request');
          verdict = await ctx.call('webhooks:verify', { scheme: 'jwt', request, ...account });
        } else if (options.token && options.bodyFile) {
          const body = await readInput(options.bodyFile, 'body');
          verdict = await ctx.call('webhooks:verify', {
            scheme: 'jwt',
            token: options.token,
            body,
            ...account,
          });
        } else {
          throw new CliError(
            options.token
              ? '--token needs --body-file FILE (the body as received; "-" for stdin).'
              : 'Give --request-file FILE, or --token JWT --body-file FILE, or --sms --params QUERY.',
            2,
          );
        }
        if (options.json) printJson(verdict);
        else print(describe(verdict));
        if (!verdict.valid) exitWith(1);
      },
    );

  webhook
    .command('sign')
    .description(
      'Sign a test webhook for a body (a Bearer token with payload_hash), or with --sms signed request parameters (timestamp and sig added)',
    )
    .requiredOption('--account <name>', 'the account whose signature secret signs')
    .option('--body-file <file>', 'the body to sign ("-" reads stdin)')
    .option('--application <app>', 'the application id (or name) to put in the token')
    .option('--curl <url>', 'print a curl command that posts the signed webhook to this URL')
    .option('--sms', 'sign request parameters with sig instead')
    .option('--params <query>', "the parameters as 'name=value&…' (with --sms)")
    .option(
      '--method <method>',
      `the sig method (${webhookSignatureMethods.join(', ')}); default: the account's`,
    )
    .option('--json', 'print JSON')
    .action(
      async (options: {
        account: string;
        bodyFile?: string;
        application?: string;
        curl?: string;
        sms?: boolean;
        params?: string;
        method?: string;
        json?: boolean;
      }) => {
        if (options.sms) {
          if (options.params === undefined)
            throw new CliError("--sms needs --params 'name=value&…' (quote it for the shell).", 2);
          const signed = await ctx.call('webhooks:sign', {
            scheme: 'sig',
            account: options.account,
            params: options.params,
            ...(options.method ? { method: options.method as WebhookSignatureMethod } : {}),
          });
          return options.json
            ? printJson(signed)
            : printValue(signed.scheme === 'sig' ? signed.query : '');
        }
        if (!options.bodyFile)
          throw new CliError('Give --body-file FILE with the body to sign ("-" reads stdin).', 2);
        const body = await readInput(options.bodyFile, 'body');
        const signed = await ctx.call('webhooks:sign', {
          scheme: 'jwt',
          account: options.account,
          body,
          ...(options.application ? { application: options.application } : {}),
          ...(options.curl ? { url: options.curl } : {}),
        });
        if (options.json) return printJson(signed);
        if (signed.scheme !== 'jwt') return;
        printValue(signed.curl ?? signed.token);
      },
    );
}
