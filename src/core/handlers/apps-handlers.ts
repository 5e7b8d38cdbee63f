import type { Services } from '../services';
import { applicationIndex } from '../vault/application-index';
import { eventSubjects } from '../history/event-subjects';
import type { HandlersFor } from './handler-types';

/** Applications and their private keys; every change and every export is audited. */
export function appsHandlers(services: Services): HandlersFor<'apps'> {
  const { vault, audit } = services;
  const subjects = eventSubjects(services);
  return {
    'apps:resolve': ({ ref, account }) => vault.applications.resolve(ref, account),
    'apps:list': (filter) => vault.applications.list(filter),
    'apps:index': () => applicationIndex(vault),
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
  };
}
