import { InvalidArgumentError, type Command } from 'commander';
import { capabilityNames, type CapabilityName } from '../../shared/presets';
import type { CliContext } from '../context';
import { note, print, printJson } from '../output';

interface CreateOptions {
  account: string;
  name: string;
  capability: CapabilityName[];
  answerUrl?: string;
  eventUrl?: string;
  json?: boolean;
}

function collectCapability(text: string, list: CapabilityName[]): CapabilityName[] {
  const name = capabilityNames.find((known) => known === text.trim().toLowerCase());
  if (!name) {
    throw new InvalidArgumentError(
      `"${text}" is not a capability; use ${capabilityNames.join(', ')}.`,
    );
  }
  if (list.includes(name)) throw new InvalidArgumentError(`"${name}" is given twice.`);
  return [...list, name];
}

/**
 * `keydesk apps create`: a new application on Vonage, the guide's first step. The key pair is
 * made here; Vonage gets only the public half, Keydesk keeps the private one.
 */
export function registerAppsCreate(apps: Command, ctx: CliContext): void {
  apps
    .command('create')
    .description(
      'Create an application on Vonage with a key pair made here (only the public half is sent) and store it with its private key',
    )
    .requiredOption('--account <name>', 'the account to create it in')
    .requiredOption('--name <name>', "the application's name")
    .option(
      '--capability <name>',
      `what it may do (repeatable): ${capabilityNames.join(', ')}; rtc for the Client SDK`,
      collectCapability,
      [],
    )
    .option('--answer-url <url>', 'voice: where Vonage asks what to do with a call')
    .option('--event-url <url>', 'voice and rtc: where Vonage sends events')
    .option('--json', 'print JSON')
    .action(async (options: CreateOptions) => {
      const created = await ctx.call('vonage:createApplication', {
        account: options.account,
        name: options.name,
        capabilities: options.capability,
        ...(options.answerUrl !== undefined ? { answerUrl: options.answerUrl } : {}),
        ...(options.eventUrl !== undefined ? { eventUrl: options.eventUrl } : {}),
      });
      if (options.json) return printJson(created);
      print(created.application.id);
      note(created.message);
      note(`Next: keydesk users add ${created.application.id} alice`);
    });
}
