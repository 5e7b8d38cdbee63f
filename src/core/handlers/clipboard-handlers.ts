import { KeydeskError } from '../../shared/errors';
import { basicAuthHeader, formatToken, tokenFormatLabels } from '../clipboard/copy-formats';
import type { Services } from '../services';
import { eventSubjects } from '../history/event-subjects';
import type { HandlersFor } from './handler-types';
import { mintAudited } from '../jwt/mint-audited';
import {
  credentialEnvironment,
  type CredentialSubject,
} from '../credentials/credential-environment';
import { formatEnvironment } from '../credentials/format-environment';
import { mintTokenWith, subjectOfEvent } from './credentials-handlers';

/**
 * "Copy" for everything the app offers. Main reads the secret or mints the token, writes the
 * clipboard and schedules the clear; the renderer only learns what was copied and until when.
 * Every copy of a secret or token is a history event.
 */
export function clipboardHandlers(services: Services): HandlersFor<'clipboard'> {
  const { vault, audit, clipboard, settings } = services;
  const subjects = eventSubjects(services);

  async function put(text: string, label: string, secret: boolean) {
    const clearsAt = await clipboard.copy(text, settings.read().clipboardClearSeconds, secret);
    return { label, clearsAt };
  }

  return {
    'clipboard:copy': async (input) => {
      switch (input.what) {
        case 'jwt': {
          const minted = await mintAudited(services, input.mint);
          const { token, ...mint } = minted;
          const sub =
            typeof minted.claims.sub === 'string' ? `user "${minted.claims.sub}" of ` : '';
          const label = `JWT for ${sub}"${minted.applicationName}" as ${tokenFormatLabels[input.format]}`;
          return audit.track(
            {
              action: 'copy',
              summary: `Copied the new JWT as ${tokenFormatLabels[input.format]}`,
              ...subjects.application(minted.applicationId),
              details: { jti: minted.jti },
            },
            async () => ({ ...(await put(formatToken(token, input.format), label, true)), mint }),
          );
        }
        case 'lastJwt': {
          const app = vault.applications.get(input.applicationId);
          const last = services.lastTokens.get(app.id);
          const now = Math.floor(services.now().getTime() / 1000);
          if (!last || last.exp <= now) {
            throw new KeydeskError(
              'NOT_FOUND',
              `There is no unexpired token for "${app.name}" to copy; use Copy JWT to mint a new one.`,
              'applicationId',
            );
          }
          return audit.track(
            {
              action: 'copy',
              summary: `Copied the last JWT as ${tokenFormatLabels[input.format]}`,
              ...subjects.application(app.id),
            },
            () =>
              put(
                formatToken(last.token, input.format),
                `JWT for "${app.name}" as ${tokenFormatLabels[input.format]}`,
                true,
              ),
          );
        }
        case 'apiKey': {
          const account = vault.accounts.get(input.accountId);
          return put(account.apiKey, `API key of "${account.name}"`, false);
        }
        case 'apiSecret':
        case 'basicAuth': {
          const account = vault.accounts.get(input.accountId);
          const what =
            input.what === 'apiSecret' ? 'the API secret' : 'an Authorization: Basic header';
          return audit.track(
            { action: 'copy', summary: `Copied ${what}`, ...subjects.account(account.id) },
            async () => {
              const secret = await vault.accounts.revealSecret(account.id, 'apiSecret');
              const text =
                input.what === 'apiSecret' ? secret : basicAuthHeader(account.apiKey, secret);
              return put(
                text,
                `${input.what === 'apiSecret' ? 'API secret' : 'Basic auth header'} of "${account.name}"`,
                true,
              );
            },
          );
        }
        case 'signatureSecret': {
          const account = vault.accounts.get(input.accountId);
          return audit.track(
            {
              action: 'copy',
              summary: 'Copied the signature secret',
              ...subjects.account(account.id),
            },
            async () =>
              put(
                await vault.accounts.revealSecret(account.id, 'signatureSecret'),
                `signature secret of "${account.name}"`,
                true,
              ),
          );
        }
        case 'environment': {
          const subject: CredentialSubject =
            'applicationId' in input.ref
              ? (() => {
                  const application = vault.applications.get(input.ref.applicationId);
                  return {
                    kind: 'application',
                    application,
                    account: vault.accounts.get(application.accountId),
                  };
                })()
              : { kind: 'account', account: vault.accounts.get(input.ref.accountId) };
          const as = input.format === 'dotenv' ? 'a .env file' : 'shell exports';
          const name =
            subject.kind === 'application' ? subject.application.name : subject.account.name;
          const { copied } = await audit.track(
            {
              action: 'copy',
              summary: `Copied the credentials as ${as}`,
              ...subjectOfEvent(subject),
            },
            async () => {
              const variables = await credentialEnvironment(services, subject, {
                secrets: true,
                mint: {},
                mintToken: mintTokenWith(services),
              });
              const label = `the credentials of "${name}" as ${as}`;
              const text = formatEnvironment(variables, input.format);
              return { copied: await put(text, label, true), names: variables.map(([n]) => n) };
            },
            ({ names }) => ({ summary: `Copied ${names.join(', ')} as ${as}` }),
          );
          return copied;
        }
        case 'text':
          return put(input.text, input.label, true);
        case 'publicKey': {
          const app = vault.applications.get(input.applicationId);
          return put(app.publicKeyPem, `public key of "${app.name}"`, false);
        }
      }
    },
  };
}
