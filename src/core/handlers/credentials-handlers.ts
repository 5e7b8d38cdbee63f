import { environmentVariables } from '../../shared/environment';
import {
  credentialEnvironment,
  resolveSubject,
  type CredentialSubject,
  type MintToken,
} from '../credentials/credential-environment';
import type { Services } from '../services';
import type { HandlersFor } from './handler-types';
import { mintAudited } from '../jwt/mint-audited';

/** Who the history says the variables were about. */
export function subjectOfEvent(subject: CredentialSubject) {
  return {
    accountId: subject.account.id,
    accountName: subject.account.name,
    ...(subject.kind === 'application'
      ? { applicationId: subject.application.id, applicationName: subject.application.name }
      : {}),
  };
}

export function mintTokenWith(services: Services): MintToken {
  return async (applicationId, options) =>
    (await mintAudited(services, { applicationId, ...options })).token;
}

/**
 * Credentials handed to a customer's script. The history names the variables handed over,
 * never their values; a JWT minted for them is recorded as a mint as well.
 */
export function credentialsHandlers(services: Services): HandlersFor<'credentials'> {
  return {
    'credentials:environment': async ({ ref, account, purpose, only, secrets, ...mint }) => {
      const subject = resolveSubject(services, ref, account);
      const variables = await services.audit.track(
        {
          action: purpose,
          summary: purpose === 'exec' ? 'Ran a command with credentials' : 'Printed credentials',
          ...subjectOfEvent(subject),
        },
        () =>
          credentialEnvironment(services, subject, {
            secrets,
            ...(only ? { only } : {}),
            mint,
            mintToken: mintTokenWith(services),
          }),
        (handed) => {
          const names = handed.map(([name]) => name);
          // exec writes the key to a private file for the command and names it too.
          if (purpose === 'exec' && names.includes(environmentVariables.privateKey))
            names.push(environmentVariables.privateKeyPath);
          return {
            summary: `${purpose === 'exec' ? 'Ran a command with' : 'Printed'} ${names.join(', ')}`,
          };
        },
      );
      return {
        kind: subject.kind,
        accountName: subject.account.name,
        applicationName: subject.kind === 'application' ? subject.application.name : null,
        variables,
      };
    },
  };
}
