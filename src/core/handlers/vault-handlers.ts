import type { Channel } from '../../shared/contract';
import { parsePrivateKey } from '../keys/parse-private-key';
import type { Services } from '../services';
import { eventSubjects } from './event-subjects';
import type { HandlersOf } from './handler-types';

type VaultChannel = Extract<
  Channel,
  'system:status' | `accounts:${string}` | `apps:${string}` | 'keys:inspect' | 'doctor:run'
>;

/** Accounts, applications, keys and doctor; every change is audited. */
export function vaultHandlers(services: Services): HandlersOf<VaultChannel> {
  const { vault, audit } = services;
  const subjects = eventSubjects(services);
  return {
    'system:status': async () => ({
      version: services.version,
      dataDir: services.dataDir,
      keychain: await services.keychainStatus(),
      notices: services.notices,
    }),
    'accounts:list': ({ query }) => vault.accounts.list(query),
    'accounts:get': ({ id }) => vault.accounts.get(id),
    'accounts:resolve': ({ ref }) => vault.accounts.resolve(ref),
    'apps:resolve': ({ ref, account }) => vault.applications.resolve(ref, account),
    'accounts:create': (input) =>
      audit.track(
        { action: 'create', summary: `Created account "${input.name}"`, accountName: input.name },
        () => vault.accounts.create(input),
        (account) => ({ accountId: account.id }),
      ),
    'accounts:update': (input) => {
      const changed = Object.keys(input).filter((k) => k !== 'id');
      return audit.track(
        {
          action: 'update',
          summary: `Updated account: ${changed.join(', ') || 'nothing'}`,
          ...subjects.account(input.id),
        },
        () => vault.accounts.update(input),
        (account) => ({ accountName: account.name }),
      );
    },
    'accounts:remove': ({ id }) => {
      const subject = subjects.account(id);
      return audit.track(
        { action: 'remove', summary: `Removed account "${subject.accountName ?? id}"`, ...subject },
        () => vault.accounts.remove(id),
        ({ removedApplications }) => ({
          summary: `Removed account "${subject.accountName ?? id}" and ${removedApplications} application(s)`,
        }),
      );
    },
    'accounts:revealSecret': ({ id, which }) =>
      audit.track(
        {
          action: 'reveal',
          summary: `Revealed the ${which === 'apiSecret' ? 'API secret' : 'signature secret'}`,
          ...subjects.account(id),
        },
        async () => ({ value: await vault.accounts.revealSecret(id, which) }),
      ),
    'apps:list': (filter) => vault.applications.list(filter),
    'apps:index': () =>
      vault.applications
        .list()
        .map(({ id, name, accountId, accountName }) => ({ id, name, accountId, accountName })),
    'apps:get': ({ id }) => vault.applications.get(id),
    'apps:create': async (input) => {
      const generated = input.key.kind === 'generate';
      const app = await audit.track(
        {
          action: 'create',
          summary: `Created application "${input.name}"`,
          applicationId: input.id,
          applicationName: input.name,
          ...subjects.account(input.accountId),
        },
        () => vault.applications.create(input),
        (created) => ({
          summary: `Created application "${created.name}" with ${generated ? 'a new' : 'an imported'} RSA-${created.keyBits} key`,
          details: { fingerprint: created.fingerprint },
        }),
      );
      if (generated) {
        audit.record({
          action: 'generate-key',
          summary: `Generated an RSA-${app.keyBits} key pair`,
          ...subjects.application(app.id),
          details: { fingerprint: app.fingerprint },
        });
      }
      return app;
    },
    'apps:update': (input) =>
      audit.track(
        {
          action: 'update',
          summary: `Updated application: ${
            Object.keys(input)
              .filter((k) => k !== 'id')
              .join(', ') || 'nothing'
          }`,
          ...subjects.application(input.id),
        },
        () => vault.applications.update(input),
        (app) => ({ applicationName: app.name }),
      ),
    'apps:replaceKey': (input) => {
      const generated = input.key.kind === 'generate';
      return audit.track(
        {
          action: generated ? 'generate-key' : 'update',
          summary: generated ? 'Generated a new key pair' : 'Replaced the private key',
          ...subjects.application(input.id),
        },
        () => vault.applications.replaceKey(input),
        (app) => ({
          summary: generated
            ? `Generated a new RSA-${app.keyBits} key pair, replacing the old key`
            : `Replaced the private key with an imported RSA-${app.keyBits} key`,
          details: { fingerprint: app.fingerprint },
        }),
      );
    },
    'apps:remove': ({ id }) => {
      const subject = subjects.application(id);
      return audit.track(
        {
          action: 'remove',
          summary: `Removed application "${subject.applicationName ?? id}" and its private key`,
          ...subject,
        },
        async () => {
          await vault.applications.remove(id);
          return { removed: true as const };
        },
      );
    },
    'apps:exportPrivateKey': ({ id }) =>
      audit.track(
        { action: 'export', summary: 'Exported the private key', ...subjects.application(id) },
        async () => ({ pem: await vault.applications.exportPrivateKey(id) }),
      ),
    'keys:inspect': ({ pem, passphrase }) => {
      const { format, encrypted, bits, fingerprint, publicKeyPem } = parsePrivateKey(
        pem,
        passphrase,
      );
      return { format, encrypted, bits, fingerprint, publicKeyPem };
    },
    'doctor:run': async ({ fix }) => {
      const report = await services.doctor(fix);
      if (report.repairs.length) {
        audit.record({
          action: 'update',
          summary: `Doctor repaired the vault: ${report.repairs.join(' ')}`,
        });
      }
      return report;
    },
  };
}
