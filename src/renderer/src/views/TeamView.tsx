import { useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { formatRelative } from '../../../shared/durations';
import { noFields, useAction } from '../components/useAction';
import { useNow } from '../components/useNow';
import { useToast } from '../components/toasts';
import { useChannel } from '../data/channel-data';

type SyncResult = ChannelOutput<'team:sync'>;
type Conflict = SyncResult['conflicts'][number];

const unix = (iso: string) => Date.parse(iso) / 1000;

/** "Sent Acme; received Globex" for a sync's toast, or "Nothing to sync". */
function summary(result: SyncResult): string {
  const parts = [
    result.sent.length ? `sent ${result.sent.join(', ')}` : '',
    result.received.length ? `received ${result.received.join(', ')}` : '',
    result.added.length ? `added ${result.added.join(', ')}` : '',
    result.unshared.length ? `no longer shared: ${result.unshared.join(', ')}` : '',
  ].filter(Boolean);
  const said = parts.length ? parts.join('; ') : 'nothing changed';
  return `Synced with the team: ${said}.`;
}

const commitText = (side: Conflict['mine'] | Conflict['theirs']) =>
  !side
    ? 'the team folder'
    : side === 'this vault'
      ? 'changed in this vault'
      : `${side.commit} by ${side.author}`;

/**
 * The team folder this vault shares through (keydesk team …): who is in it, the remote, the last
 * sync and a Sync button; a conflict is settled here with the side to keep. Starting or joining a
 * team stays on the command line, where the identity is made and a repository is cloned.
 */
export function TeamView() {
  const status = useChannel('team:status', {});
  const joined = status.data?.joined ? status.data : undefined;
  const log = useChannel('team:log', joined ? { limit: 20 } : null);
  const sync = useAction('team:sync', { fieldOf: noFields });
  // The last sync's conflicts (from the CLI too) until a sync here says otherwise.
  const [fresh, setFresh] = useState<Conflict[] | undefined>(undefined);
  const toast = useToast();
  const now = useNow();

  async function runSync(choice?: { side: 'mine' | 'theirs'; account: string }) {
    const result = await sync.run({
      mine: choice?.side === 'mine' ? [choice.account] : [],
      theirs: choice?.side === 'theirs' ? [choice.account] : [],
    });
    if (!result) return;
    setFresh(result.conflicts);
    if (result.conflicts.length === 0) toast(summary(result));
  }

  if (status.error)
    return (
      <section className="card">
        <h1>Team</h1>
        <p className="field__error" role="alert">
          {status.error.message}
        </p>
      </section>
    );
  if (!status.data) return <p className="muted">Loading…</p>;
  if (!joined)
    return (
      <section className="card team">
        <h1>Team</h1>
        <p>
          A team shares its customers' credentials through a git repository: each shared account is
          a file sealed with age to every member, so a secret changed by one engineer reaches the
          others with their next sync, and removing someone re-seals and can rotate what they held.
        </p>
        <p>Start a team, or join one a member has added you to, in a terminal:</p>
        <pre className="code team__commands">
          {
            'keydesk team identity\nkeydesk team init ~/teams/support --name "Your Name"\nkeydesk team join git@example.com:support/team.git'
          }
        </pre>
      </section>
    );

  const last = joined.lastSync;
  const conflicts = fresh ?? (last?.outcome.ok ? last.outcome.conflicts : []);
  return (
    <section className="card card--wide team" aria-label="Team">
      <header className="team__header">
        <h1>Team</h1>
        <button
          type="button"
          className="button button--primary"
          disabled={sync.pending}
          onClick={() => void runSync()}
        >
          {sync.pending ? 'Syncing…' : 'Sync'}
        </button>
      </header>
      <dl className="facts">
        <dt>Folder</dt>
        <dd>
          <code>{joined.folder}</code>
        </dd>
        <dt>You</dt>
        <dd>{joined.member}</dd>
        <dt>Remote</dt>
        <dd>{joined.upstream ?? 'none yet: nothing is pulled or pushed'}</dd>
        <dt>Shared</dt>
        <dd>
          {joined.shared} account{joined.shared === 1 ? '' : 's'}
        </dd>
        <dt>Last sync</dt>
        <dd data-testid="team-last-sync">
          {!last
            ? 'never'
            : last.outcome.ok
              ? `${formatRelative(unix(last.at), now)}${last.outcome.conflicts.length ? `, ${last.outcome.conflicts.length} conflict(s)` : ', in sync'}`
              : `${formatRelative(unix(last.at), now)}, failed: ${last.outcome.error}`}
        </dd>
      </dl>

      {conflicts.length > 0 ? (
        <div className="team__conflicts" role="alert">
          <h2>Conflicts</h2>
          <p className="muted">
            Each account below was changed here and by the team. Nothing of it moved; keep one side.
          </p>
          <ul className="sync-list">
            {conflicts.map((c) => (
              <li key={c.account} className="sync-item">
                <span className="sync-item__names">
                  <strong>{c.account}</strong>
                  <span className="sync-item__id">
                    yours: {commitText(c.mine)} · the team's: {commitText(c.theirs)}
                  </span>
                </span>
                <span className="sync-item__actions">
                  <button
                    type="button"
                    className="button button--small"
                    disabled={sync.pending}
                    onClick={() => void runSync({ side: 'mine', account: c.account })}
                  >
                    Keep mine
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    disabled={sync.pending}
                    onClick={() => void runSync({ side: 'theirs', account: c.account })}
                  >
                    Keep the team's
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <h2>Members</h2>
      <table className="table table--dense team-members" data-testid="team-members">
        <thead>
          <tr>
            <th>Name</th>
            <th>Recipient</th>
          </tr>
        </thead>
        <tbody>
          {joined.members.map((m) => (
            <tr key={m.recipient}>
              <td className="nowrap">
                {m.name}
                {m.name === joined.member ? <span className="muted"> (you)</span> : null}
              </td>
              <td className="ellipsis">
                <code>{m.recipient}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Changes</h2>
      <p className="muted">
        Who changed which shared account, from the folder's git history. Reads are in each
        engineer's own history: no tool on a client can prove who read a file.
      </p>
      <table className="table table--dense" data-testid="team-log">
        <thead>
          <tr>
            <th>When</th>
            <th>Who</th>
            <th>What</th>
          </tr>
        </thead>
        <tbody>
          {(log.data ?? []).map((change) => (
            <tr key={change.commit}>
              <td className="nowrap" title={change.at}>
                {formatRelative(unix(change.at), now)}
              </td>
              <td className="nowrap">{change.author}</td>
              <td className="ellipsis" title={change.summary}>
                {change.summary}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
