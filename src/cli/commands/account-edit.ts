import type { Command } from 'commander';
import { colorLabels, type ColorLabel } from '../../shared/color-labels';
import type { ChannelInput } from '../../shared/contract';
import { webhookSignatureMethods, type WebhookSignatureMethod } from '../../shared/webhook-methods';
import { CliError } from '../cli-error';
import type { CliContext } from '../context';
import { note } from '../output';
import { readSecret } from '../terminal-input';

interface EditOptions {
  name?: string;
  apiKey?: string;
  color?: string;
  notes?: string;
  secretStdin?: boolean;
  signatureSecretStdin?: boolean;
  removeSignatureSecret?: boolean;
  signatureMethod?: string;
}

/** `keydesk accounts edit NAME …`: what the app's account form changes, one option each. */
export function registerAccountEdit(accounts: Command, ctx: CliContext): void {
  accounts
    .command('edit <name>')
    .description(
      'Change an account: its name, API key, colour, notes, API secret or signature secret (secrets from stdin or a prompt) and signature method',
    )
    .option('--name <new>', 'a new name')
    .option('--api-key <key>', 'a new API key')
    .option('--color <label>', `the colour label: ${colorLabels.join(', ')}`)
    .option('--notes <text>', 'the notes ("" clears them)')
    .option('--secret-stdin', 'a new API secret, read from stdin or prompted for')
    .option('--signature-secret-stdin', 'a new signature secret, read from stdin or prompted for')
    .option('--remove-signature-secret', 'remove the stored signature secret')
    .option(
      '--signature-method <method>',
      `how the signature secret signs sig parameters: ${webhookSignatureMethods.join(', ')} (the dashboard's API settings say which)`,
    )
    .action(async (ref: string, options: EditOptions) => {
      if (options.secretStdin && options.signatureSecretStdin)
        throw new CliError(
          'stdin carries one secret: give --secret-stdin or --signature-secret-stdin, then run again for the other.',
          2,
        );
      if (options.signatureSecretStdin && options.removeSignatureSecret)
        throw new CliError(
          'Give --signature-secret-stdin or --remove-signature-secret, not both.',
          2,
        );
      if (options.color !== undefined && !colorLabels.includes(options.color as ColorLabel))
        throw new CliError(
          `--color: "${options.color}" is not a label; use ${colorLabels.join(', ')}.`,
          2,
        );
      const account = await ctx.resolveAccount(ref);
      const quoted = JSON.stringify(account.name);
      const patch: ChannelInput<'accounts:update'> = {
        id: account.id,
        ...(options.name !== undefined ? { name: options.name } : {}),
        ...(options.apiKey !== undefined ? { apiKey: options.apiKey } : {}),
        ...(options.color !== undefined ? { color: options.color as ColorLabel } : {}),
        ...(options.notes !== undefined ? { notes: options.notes } : {}),
        ...(options.signatureMethod !== undefined
          ? { signatureMethod: options.signatureMethod as WebhookSignatureMethod }
          : {}),
        ...(options.removeSignatureSecret ? { signatureSecret: null } : {}),
      };
      if (options.secretStdin) {
        patch.apiSecret = await readSecret(
          'API secret',
          `Pipe it in, for example: printf %s "$VONAGE_API_SECRET" | keydesk accounts edit ${quoted} --secret-stdin`,
        );
      }
      if (options.signatureSecretStdin) {
        patch.signatureSecret = await readSecret(
          'Signature secret',
          `Pipe it in, for example: printf %s "$SIGNATURE_SECRET" | keydesk accounts edit ${quoted} --signature-secret-stdin`,
        );
      }
      const changed = Object.keys(patch).filter((key) => key !== 'id');
      if (changed.length === 0)
        throw new CliError(
          'Nothing to change: give --name, --api-key, --color, --notes, --secret-stdin, --signature-secret-stdin, --remove-signature-secret or --signature-method.',
          2,
        );
      const updated = await ctx.call('accounts:update', patch);
      note(
        `Updated account "${updated.name}" (${changed.join(', ')}): signature secret ${updated.hasSignatureSecret ? 'in the keychain' : 'none'}, method ${updated.signatureMethod}.`,
      );
    });
}
