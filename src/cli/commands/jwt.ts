import { InvalidArgumentError, type Command } from 'commander';
import type { ChannelInput } from '../../shared/contract';
import type { AclChoice } from '../../shared/acl';
import { aclPresetNames } from '../../shared/presets';
import { formatRelative, parseDuration } from '../../shared/durations';
import { CliError } from '../cli-error';
import type { CliContext } from '../context';
import { chooseSubject, defaultAccountScope, fromDefaultsSource } from '../folder-defaults';
import { nameValueArgument } from '../name-value';
import { note, printJson, printValue } from '../output';
import { io } from '../cli-io';

type ClaimValue = NonNullable<ChannelInput<'jwt:mint'>['claims']>[string];

interface JwtOptions {
  account?: string;
  json?: boolean;
  sub?: string;
  user?: string;
  ttl?: number;
  nbf?: number;
  aclPreset?: string;
  acl?: string;
  claim: [string, ClaimValue][];
}

/** A nbf this large is a Unix time, not an offset (1e9 s is 2001). */
const unixTimeThreshold = 1_000_000_000;

export function parseTtl(text: string): number {
  const seconds = parseDuration(text);
  if (seconds === undefined) {
    throw new InvalidArgumentError(
      `"${text}" is not a duration; use seconds (900) or 30s, 15m, 1h, 24h.`,
    );
  }
  return seconds;
}

function parseNbf(text: string): number {
  if (!/^[+-]?\d{1,12}$/.test(text.trim())) {
    throw new InvalidArgumentError(
      `"${text}" is not a whole number of seconds (from now, e.g. -60 or 300, or a Unix time).`,
    );
  }
  return Number(text);
}

/** --nbf as the contract takes it: a Unix time stays one (exact), else an offset from now. */
export const nbfInput = (nbf: number | undefined) =>
  nbf === undefined ? {} : nbf >= unixTimeThreshold ? { nbfAt: nbf } : { nbfOffsetSeconds: nbf };

/** `name=value`; the value is JSON when it parses as JSON (5, true, {"a":1}), else a string. */
function collectClaim(text: string, claims: [string, ClaimValue][]): [string, ClaimValue][] {
  const [name, raw] = nameValueArgument(text);
  if (claims.some(([existing]) => existing === name)) {
    throw new InvalidArgumentError(`the claim "${name}" is given twice.`);
  }
  let value: ClaimValue = raw;
  try {
    value = JSON.parse(raw) as ClaimValue;
  } catch {
    // Not JSON: the text itself.
  }
  return [...claims, [name, value]];
}

/** The ACL options as a choice; the ACL checker (zod) loads only when a custom ACL is given. */
export async function aclChoice(
  options: Pick<JwtOptions, 'aclPreset' | 'acl'>,
): Promise<AclChoice | undefined> {
  if (options.aclPreset !== undefined && options.acl !== undefined) {
    throw new CliError('Give --acl-preset or --acl, not both.', 2);
  }
  if (options.aclPreset !== undefined) {
    const preset = aclPresetNames.find((name) => name === options.aclPreset);
    if (!preset) {
      throw new CliError(
        `--acl-preset: "${options.aclPreset}" is not a preset; use ${aclPresetNames.join(' or ')}.`,
        2,
      );
    }
    return { kind: 'preset', preset };
  }
  if (options.acl !== undefined) {
    const { parseAclJson } = await import('../../shared/acl');
    const parsed = parseAclJson(options.acl);
    if (!parsed.ok) throw new CliError(`--acl: ${parsed.message}`, 2);
    return { kind: 'custom', acl: parsed.acl };
  }
  return undefined;
}

export function registerJwtCommand(program: Command, ctx: CliContext): void {
  program
    .command('jwt [app]')
    .description(
      "Mint a Vonage JWT for an application (by id or name; else the folder's default, see keydesk use) and print it alone on stdout. Defaults come from the options, the folder's .keydesk, the application's JWT defaults, then the settings (15 min, no ACL).",
    )
    .option('--account <name>', 'the account the application belongs to (two may share a name)')
    .option('--json', 'print the token with its header, claims and expiry as JSON')
    .option('--sub <subject>', 'the sub claim (a Client SDK user name), not checked with Vonage')
    .option(
      '--user <name>',
      "a Client SDK user's token: asks Vonage that the user exists, then sub is their name and the ACL client-sdk (unless --acl or --acl-preset)",
    )
    .option('--ttl <duration>', 'lifetime: seconds (900) or 30s, 15m, 1h, 24h', parseTtl)
    .option(
      '--nbf <seconds>',
      'not valid before: seconds from now (negative back-dates it) or a Unix time',
      parseNbf,
    )
    .option('--acl-preset <preset>', `ACL preset: ${aclPresetNames.join(' or ')}`)
    .option('--acl <json>', 'a custom ACL, such as \'{"paths":{"/*/users/**":{}}}\'')
    .option(
      '--claim <name=value>',
      'a custom claim (repeatable); JSON values are parsed',
      collectClaim,
      [],
    )
    .action(async (appRef: string | undefined, options: JwtOptions) => {
      if (options.user !== undefined && options.sub !== undefined)
        throw new CliError('Give --user or --sub, not both (--user sets sub to the name).', 2);
      const chosen = chooseSubject(appRef, 'application');
      const { ref, defaults } = chosen;
      const given = { aclPreset: options.aclPreset, acl: options.acl };
      const acl =
        options.user === undefined
          ? await aclChoice({
              aclPreset:
                options.aclPreset ?? (options.acl === undefined ? defaults?.aclPreset : undefined),
              acl: options.acl,
            })
          : ((await aclChoice(given)) ?? {
              kind: 'preset' as const,
              preset: 'client-sdk' as const,
            });
      const app = await fromDefaultsSource(chosen, () =>
        ctx.resolveApp(ref, options.account ?? defaultAccountScope(chosen).account),
      );
      // Vonage is asked first: a token for a user who does not exist is never printed.
      const user =
        options.user === undefined
          ? undefined
          : (await ctx.call('users:get', { app: app.id, user: options.user })).user;
      const result = await ctx.call('jwt:mint', {
        applicationId: app.id,
        ttlSeconds: options.ttl ?? defaults?.ttlSeconds,
        ...nbfInput(options.nbf),
        sub: user?.name ?? options.sub ?? defaults?.sub,
        acl,
        claims: options.claim.length ? Object.fromEntries(options.claim) : undefined,
      });
      if (options.json) {
        return printJson({
          token: result.token,
          header: result.header,
          claims: result.claims,
          expiresAt: new Date(result.exp * 1000).toISOString(),
          application: { id: result.applicationId, name: result.applicationName },
          account: result.accountName,
          ...(user ? { user } : {}),
        });
      }
      printValue(result.token);
      if (io().stdout.isTTY) {
        const now = Math.floor(Date.now() / 1000);
        note(
          `JWT for ${user ? `user "${user.name}" (${user.id}${user.region ? `, ${user.region}` : ''}) of ` : ''}"${result.applicationName}" (account "${result.accountName}"), expires ${new Date(result.exp * 1000).toISOString()} (${formatRelative(result.exp, now)}).`,
        );
      }
    });
}
