import type { Command } from 'commander';
import type { ChannelInput } from '../../shared/contract';
import type { JwtDefaults } from '../../shared/jwt-schemas';
import { CliError } from '../cli-error';
import type { CliContext } from '../context';
import { note } from '../output';
import { aclChoice, parseTtl } from './jwt';

interface AppEditOptions {
  name?: string;
  ttl?: number;
  sub?: string;
  aclPreset?: string;
  acl?: string | false;
  noTtl?: boolean;
  noSub?: boolean;
}

/** `keydesk apps edit APP …`: its name and the token defaults the app's "Save as defaults" sets. */
export function registerAppEdit(apps: Command, ctx: CliContext): void {
  apps
    .command('edit <app>')
    .description('Rename an application or change its JWT defaults (lifetime, sub, ACL)')
    .option('--name <new>', 'a new name')
    .option('--ttl <duration>', 'default lifetime: seconds (900) or 30s, 15m, 1h, 24h', parseTtl)
    .option('--sub <subject>', 'default sub claim')
    .option('--acl-preset <preset>', 'default ACL preset')
    .option('--acl <json>', 'default custom ACL')
    .option('--no-acl', 'no default ACL')
    .action(async (ref: string, options: AppEditOptions) => {
      const app = await ctx.resolveApp(ref);
      // commander sets acl to false for --no-acl, a string for --acl JSON.
      const removeAcl = options.acl === false;
      if (removeAcl && options.aclPreset !== undefined)
        throw new CliError('Give --acl-preset or --no-acl, not both.', 2);
      const acl = removeAcl
        ? undefined
        : await aclChoice({
            aclPreset: options.aclPreset,
            acl: typeof options.acl === 'string' ? options.acl : undefined,
          });
      const defaultsChange =
        options.ttl !== undefined || options.sub !== undefined || acl || removeAcl;
      const current = app.jwtDefaults;
      const jwtDefaults: JwtDefaults = {
        ...current,
        ...(options.ttl !== undefined ? { ttlSeconds: options.ttl } : {}),
        ...(options.sub !== undefined ? { sub: options.sub } : {}),
        ...(acl ? { acl } : {}),
      };
      if (removeAcl) delete jwtDefaults.acl;
      const patch: ChannelInput<'apps:update'> = {
        id: app.id,
        ...(options.name !== undefined ? { name: options.name } : {}),
        ...(defaultsChange ? { jwtDefaults } : {}),
      };
      if (Object.keys(patch).length === 1)
        throw new CliError(
          'Nothing to change: give --name, --ttl, --sub, --acl-preset, --acl or --no-acl.',
          2,
        );
      const updated = await ctx.call('apps:update', patch);
      const d = updated.jwtDefaults;
      note(
        `Updated application "${updated.name}": JWT defaults ${d.ttlSeconds ? `ttl ${d.ttlSeconds} s` : 'ttl from the settings'}${d.sub ? `, sub ${d.sub}` : ''}, ACL ${d.acl ? (d.acl.kind === 'preset' ? d.acl.preset : 'custom') : 'none'}.`,
      );
    });
}
