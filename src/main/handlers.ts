import type { z } from 'zod';
import {
  contract,
  isChannel,
  type Channel,
  type ChannelOutput,
  type ParsedInput,
} from '../shared/contract';
import { formatDuration } from '../shared/durations';
import { KeydeskError, type Result } from '../shared/errors';
import { historyLimits } from '../shared/history-schemas';
import { innermostIssue } from '../shared/zod-issues';
import { historyToCsv } from './history/history-csv';
import type { EventSubject } from './history/audit';
import { inspectToken } from './jwt/inspect-token';
import { parseToken } from './jwt/parse-token';
import { parsePrivateKey } from './keys/parse-private-key';
import type { Services } from './services';

type Handlers = {
  [C in Channel]: (input: ParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};

/**
 * The contract implemented over the services. Inputs arrive already validated. Every action on a
 * credential goes through `audit.track`, so it is in the history whether it worked or not.
 */
export function createHandlers(services: Services): Handlers {
  const { vault, importer, audit, history, settings } = services;

  /** Names for an event about an account; tolerant of an id that does not exist. */
  function accountSubject(id: string): EventSubject {
    const account = vault.accounts.find(id);
    return { accountId: id, accountName: account?.name };
  }

  function applicationSubject(id: string): EventSubject {
    const app = vault.applications.find(id.toLowerCase());
    return {
      applicationId: id.toLowerCase(),
      applicationName: app?.name,
      accountId: app?.accountId,
      accountName: app?.accountName,
    };
  }

  return {
    'system:status': async () => ({
      version: services.version,
      dataDir: services.dataDir,
      keychain: await services.keychainStatus(),
    }),
    'accounts:list': ({ query }) => vault.accounts.list(query),
    'accounts:get': ({ id }) => vault.accounts.get(id),
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
          ...accountSubject(input.id),
        },
        () => vault.accounts.update(input),
        (account) => ({ accountName: account.name }),
      );
    },
    'accounts:remove': ({ id }) => {
      const subject = accountSubject(id);
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
          ...accountSubject(id),
        },
        async () => ({ value: await vault.accounts.revealSecret(id, which) }),
      ),
    'apps:list': (filter) => vault.applications.list(filter),
    'apps:get': ({ id }) => vault.applications.get(id),
    'apps:create': async (input) => {
      const generated = input.key.kind === 'generate';
      const app = await audit.track(
        {
          action: 'create',
          summary: `Created application "${input.name}"`,
          applicationId: input.id,
          applicationName: input.name,
          ...accountSubject(input.accountId),
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
          ...applicationSubject(app.id),
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
          ...applicationSubject(input.id),
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
          ...applicationSubject(input.id),
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
      const subject = applicationSubject(id);
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
        { action: 'export', summary: 'Exported the private key', ...applicationSubject(id) },
        async () => ({ pem: await vault.applications.exportPrivateKey(id) }),
      ),
    'keys:inspect': ({ pem, passphrase }) => {
      const { format, encrypted, bits, fingerprint, publicKeyPem } = parsePrivateKey(
        pem,
        passphrase,
      );
      return { format, encrypted, bits, fingerprint, publicKeyPem };
    },
    'import:preview': (input) => importer.preview(input),
    'import:apply': (input) =>
      audit.track(
        { action: 'import', summary: `Imported ${input.fileName}` },
        () => importer.apply(input),
        (result) => {
          const created = result.items.filter((i) => i.outcome === 'created').length;
          const failed = result.items.filter((i) => i.outcome === 'failed').length;
          return {
            summary: `Imported ${input.fileName}: ${created} created${failed ? `, ${failed} failed` : ''}, ${result.items.length - created - failed} unchanged or skipped`,
          };
        },
      ),
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
    'jwt:mint': ({ applicationId, ...request }) =>
      audit
        .track(
          { action: 'mint', summary: 'Minted a JWT', ...applicationSubject(applicationId) },
          async () => {
            const { plan, ...result } = await services.mint({ applicationId, ...request });
            return { result, plan };
          },
          ({ result, plan }) => ({
            summary: `Minted a JWT (ttl ${formatDuration(plan.ttlSeconds)}${plan.sub ? `, sub ${plan.sub}` : ''}, ACL ${plan.aclLabel})`,
            details: {
              jti: result.jti,
              exp: result.exp,
              ttlSeconds: plan.ttlSeconds,
              acl: plan.aclLabel,
              ...(plan.sub === undefined ? {} : { sub: plan.sub }),
              ...(plan.aclHash === undefined ? {} : { aclHash: plan.aclHash }),
              ...(Object.keys(plan.custom).length
                ? { customClaims: Object.keys(plan.custom) }
                : {}),
            },
          }),
        )
        .then(({ result }) => result),
    'jwt:decode': ({ token }) => {
      const now = Math.floor(services.now().getTime() / 1000);
      return inspectToken(parseToken(token), vault.applications.list(), services.publicKeyOf, now);
    },
    'history:list': ({ limit, cursor, ...filter }) =>
      history.page(filter, limit ?? historyLimits.defaultPage, cursor),
    'history:export': ({ limit, ...filter }) =>
      audit.track(
        { action: 'export', summary: 'Exported the history as CSV' },
        () => historyToCsv(history.all(filter, limit ?? historyLimits.export)),
        ({ rows }) => ({ summary: `Exported ${rows} history event(s) as CSV` }),
      ),
    'history:prune': () => services.pruneHistory(),
    'settings:get': () => settings.read(),
    'settings:update': (patch) =>
      audit.track(
        {
          action: 'update',
          summary: `Changed settings: ${Object.keys(patch).join(', ') || 'nothing'}`,
        },
        () => settings.update(patch),
      ),
  };
}

export type Invoke = <C extends Channel>(
  channel: C,
  input: unknown,
) => Promise<Result<ChannelOutput<C>>>;

/**
 * The single entry point every transport uses (Electron IPC, the test binding, the CLI): validate
 * with the contract's schema, run the handler, and turn any failure into the typed error shape.
 */
export function createInvoke(services: Services): Invoke {
  const handlers = createHandlers(services) as Record<Channel, (input: unknown) => unknown>;
  return async (channel, input) => {
    if (!isChannel(channel)) {
      return failure(new KeydeskError('VALIDATION', `Unknown channel "${String(channel)}".`));
    }
    const parsed = (contract[channel].input as z.ZodType).safeParse(input ?? {});
    if (!parsed.success) {
      const issue = innermostIssue(parsed.error.issues[0]);
      const field = issue?.path.join('.') || undefined;
      return failure(new KeydeskError('VALIDATION', issue?.message ?? 'Invalid input.', field));
    }
    try {
      const value = (await handlers[channel](parsed.data)) as ChannelOutput<typeof channel>;
      return { ok: true, value };
    } catch (error) {
      return failure(error);
    }
  };
}

function failure(error: unknown): { ok: false; error: ReturnType<KeydeskError['toShape']> } {
  if (error instanceof KeydeskError) return { ok: false, error: error.toShape() };
  const message = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    error: { code: 'INTERNAL', message: `Something went wrong inside Keydesk: ${message}` },
  };
}
