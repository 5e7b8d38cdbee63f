import type { quickCopyKinds } from '../../shared/contract-quick';
import { formatDuration } from '../../shared/durations';
import { KeydeskError } from '../../shared/errors';
import { basicAuthHeader } from '../clipboard/copy-formats';
import { eventSubjects } from '../history/event-subjects';
import { mintAudited } from '../jwt/mint-audited';
import type { Services } from '../services';

export type QuickCopyKind = (typeof quickCopyKinds)[number];
/** Where a quick copy was asked for; the history says so. */
export type QuickCopySource = 'quick' | 'tray';

const sourceNames: Record<QuickCopySource, string> = {
  quick: 'quick copy',
  tray: 'the tray menu',
};

/**
 * A copy from outside the main window: a fresh JWT with the application's defaults, the API key,
 * or a Basic header, for an application or an account (its account, for an application). Done in
 * main like every copy: the clipboard clears after the setting's time and the history records it
 * with where it was asked for. Answers the notification that says what was copied, and says the
 * outcome as an event (main notifies, hides the quick window, refreshes the tray from it).
 */
export async function quickCopy(
  services: Services,
  what: QuickCopyKind,
  id: string,
  source: QuickCopySource,
): Promise<{ title: string; body: string }> {
  try {
    const copied = await copy(services, what, id, source);
    services.events.emit({ name: 'copied', source, ...copied });
    return copied;
  } catch (error) {
    const shape =
      error instanceof KeydeskError
        ? error.toShape()
        : { code: 'INTERNAL' as const, message: (error as Error).message };
    services.events.emit({ name: 'copyFailed', source, error: shape });
    throw error;
  }
}

async function copy(
  services: Services,
  what: QuickCopyKind,
  id: string,
  source: QuickCopySource,
): Promise<{ title: string; body: string }> {
  const { vault, audit, clipboard, settings } = services;
  const subjects = eventSubjects(services);
  const application = vault.applications.find(id.toLowerCase());
  const account = application ? vault.accounts.get(application.accountId) : vault.accounts.find(id);
  if (!account)
    throw new KeydeskError('NOT_FOUND', `No account or application has the id "${id}".`, 'id');
  const via = sourceNames[source];
  const clearSeconds = settings.read().clipboardClearSeconds;
  const clears =
    clearSeconds === null
      ? 'the clipboard keeps it'
      : `clipboard clears in ${formatDuration(clearSeconds)}`;

  if (what === 'jwt') {
    if (!application)
      throw new KeydeskError(
        'VALIDATION',
        `"${account.name}" is an account: a JWT is minted for one of its applications.`,
        'id',
      );
    const minted = await mintAudited(services, { applicationId: application.id });
    await audit.track(
      {
        action: 'copy',
        summary: `Copied a new JWT from ${via}`,
        ...subjects.application(application.id),
        details: { jti: minted.jti, what: source },
      },
      () => clipboard.copy(minted.token, clearSeconds, true),
    );
    const expires = new Date(minted.exp * 1000).toLocaleTimeString([], {
      hour: '2-digit',
      minute: '2-digit',
    });
    return {
      title: `JWT copied for ${application.name}`,
      body: `Account ${account.name}; expires ${expires} (in ${formatDuration(minted.ttlSeconds)}); ${clears}.`,
    };
  }
  if (what === 'apiKey') {
    await audit.track(
      {
        action: 'copy',
        summary: `Copied the API key from ${via}`,
        ...subjects.account(account.id),
        details: { what: source },
      },
      () => clipboard.copy(account.apiKey, clearSeconds, false),
    );
    return { title: `API key copied: ${account.name}`, body: `${account.apiKey}; ${clears}.` };
  }
  await audit.track(
    {
      action: 'copy',
      summary: `Copied an Authorization: Basic header from ${via}`,
      ...subjects.account(account.id),
      details: { what: source },
    },
    async () => {
      const secret = await vault.accounts.revealSecret(account.id, 'apiSecret');
      await clipboard.copy(basicAuthHeader(account.apiKey, secret), clearSeconds, true);
    },
  );
  return {
    title: `Basic header copied: ${account.name}`,
    body: `API key ${account.apiKey}; ${clears}.`,
  };
}

/** The applications copied from most recently (any copy of a JWT), newest first: the tray's list. */
export function recentlyCopiedApplications(services: Services, count = 5) {
  const seen = new Set<string>();
  const recent: { id: string; name: string; accountName: string }[] = [];
  let cursor: number | undefined;
  for (let pages = 0; pages < 5 && recent.length < count; pages += 1) {
    const page = services.history.page({ action: 'copy' }, 100, cursor);
    for (const event of page.events) {
      const app = event.applicationId && services.vault.applications.find(event.applicationId);
      if (!app || event.outcome !== 'ok' || seen.has(app.id)) continue;
      seen.add(app.id);
      recent.push({ id: app.id, name: app.name, accountName: app.accountName });
      if (recent.length === count) break;
    }
    if (page.nextCursor === null) break;
    cursor = page.nextCursor;
  }
  return recent;
}
