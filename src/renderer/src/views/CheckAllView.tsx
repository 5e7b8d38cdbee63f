import { useEffect, useMemo, useRef, useState } from 'react';
import { checkCodes, type CheckCode, type LastCheck } from '../../../shared/check-schemas';
import { formatRelative } from '../../../shared/durations';
import { useNow } from '../components/useNow';
import { noFields, useAction } from '../components/useAction';
import { useChannel } from '../data/channel-data';
import type { Route } from '../route';

interface Row extends LastCheck {
  name: string;
  account: string;
  accountId: string;
}

type Filter = 'all' | 'failed' | CheckCode;

/** Kind to Vonage's rate limits, and as fast as the CLI's default. */
const concurrency = 4;

/**
 * Every account and application asked at once, a few at a time: a progress bar while it runs,
 * then the results (or each item's last known one) in a table filtered by code, and a button
 * that asks again about what failed.
 */
export function CheckAllView(props: { navigate: (route: Route) => void }) {
  const accounts = useChannel('accounts:list', {}).data;
  const apps = useChannel('apps:index', {}).data;
  const checked = useChannel('vonage:lastChecks', {});
  const lastChecks = checked.data;
  const [fresh, setFresh] = useState<ReadonlyMap<string, LastCheck>>(new Map());
  const [run, setRun] = useState<{ startedAt: string; ids: ReadonlySet<string> } | null>(null);
  const [done, setDone] = useState(0);
  const lastReload = useRef(0);
  const { reload } = checked;
  // Main reports each check as it is done; the kept results are read again at most twice a second.
  useEffect(
    () =>
      window.api.on((event) => {
        if (event.name !== 'progress') return;
        setDone(event.done);
        if (Date.now() - lastReload.current < 500) return;
        lastReload.current = Date.now();
        reload();
      }),
    [reload],
  );
  // A run that stops is told above the table, as why it stopped.
  const checking = useAction('vonage:check', { fieldOf: noFields, form: true });
  const problem = checking.fieldErrors._form;
  const [filter, setFilter] = useState<Filter>('all');

  const items = useMemo(
    () => [
      ...(accounts ?? []).map((a) => ({
        id: a.id,
        kind: 'account' as const,
        name: a.name,
        account: a.name,
        accountId: a.id,
      })),
      ...(apps ?? []).map((p) => ({
        id: p.id,
        kind: 'application' as const,
        name: p.name,
        account: p.accountName,
        accountId: p.accountId,
      })),
    ],
    [accounts, apps],
  );

  const rows = useMemo(() => {
    const known = new Map((lastChecks ?? []).map((c) => [c.id, c]));
    return items.flatMap((item): Row[] => {
      // This screen's answer until the kept results catch up; whichever is newer after that.
      const [mine, kept] = [fresh.get(item.id), known.get(item.id)];
      const check = mine && (!kept || mine.checkedAt >= kept.checkedAt) ? mine : kept;
      return check ? [{ ...check, ...item }] : [];
    });
  }, [items, lastChecks, fresh]);

  const counts = useMemo(() => {
    const found = new Map<CheckCode, number>();
    for (const row of rows) found.set(row.code, (found.get(row.code) ?? 0) + 1);
    return found;
  }, [rows]);
  const failed = rows.filter((row) => row.code !== 'OK');
  const shown = rows.filter((row) =>
    filter === 'all' ? true : filter === 'failed' ? row.code !== 'OK' : row.code === filter,
  );

  /**
   * One call does the whole run in the main process (its secrets read in one request, four
   * checks at a time); how far it got comes from main's progress events meanwhile.
   */
  async function check(ids: readonly string[], all: boolean) {
    setDone(0);
    setRun({ startedAt: new Date().toISOString(), ids: new Set(ids) });
    const results = await checking.run(
      all ? { all: true, concurrency } : { refs: [...ids], concurrency },
    );
    setRun(null);
    if (!results) return;
    setFresh((map) => {
      const next = new Map(map);
      for (const result of results) next.set(result.id, result);
      return next;
    });
  }

  const progress = run ? { total: run.ids.size, done } : null;
  const running = progress !== null;
  const now = useNow();
  return (
    <section className="card" aria-label="Check all with Vonage">
      <header className="card__header">
        <h1>Check all with Vonage</h1>
      </header>
      <p className="muted">
        Asks Vonage whether each account&apos;s key and secret still work and whether each
        application still exists with the stored key ({concurrency} at a time).
      </p>
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          disabled={running || items.length === 0}
          onClick={() =>
            void check(
              items.map((item) => item.id),
              true,
            )
          }
        >
          Check all ({accounts?.length ?? 0} accounts, {apps?.length ?? 0} applications)
        </button>
        <button
          type="button"
          className="button"
          disabled={running || failed.length === 0}
          onClick={() =>
            void check(
              failed.map((row) => row.id),
              false,
            )
          }
        >
          Re-check {failed.length} not OK
        </button>
      </div>
      {progress ? (
        <div className="check-progress" role="status">
          <progress value={progress.done} max={progress.total} aria-label="Checks done" />
          <span>
            {progress.done} of {progress.total} checked
            {failed.length ? ` · ${failed.length} not OK` : ''}
          </span>
        </div>
      ) : null}
      {problem ? (
        <p className="field__error" role="alert">
          The check stopped: {problem}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="muted">Nothing has been checked yet.</p>
      ) : (
        <>
          <div className="check-summary">
            <label className="check-filter">
              Show{' '}
              <select value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
                <option value="all">All results ({rows.length})</option>
                <option value="failed">Not OK ({failed.length})</option>
                {checkCodes
                  .filter((code) => counts.has(code))
                  .map((code) => (
                    <option key={code} value={code}>
                      {code} ({counts.get(code)})
                    </option>
                  ))}
              </select>
            </label>
            <span className="muted" role="status">
              {rows.length} checked: {rows.length - failed.length} OK, {failed.length} not OK
            </span>
          </div>
          <table className="table check-table" data-testid="check-results">
            <thead>
              <tr>
                <th scope="col">Result</th>
                <th scope="col">Name</th>
                <th scope="col">Account</th>
                <th scope="col">What Vonage said</th>
                <th scope="col">Checked</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.id} data-code={row.code}>
                  <td>
                    <span
                      className={row.code === 'OK' ? 'verdict verdict--ok' : 'verdict verdict--bad'}
                    >
                      {row.code}
                    </span>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() =>
                        props.navigate(
                          row.kind === 'account'
                            ? { view: 'account', accountId: row.id }
                            : {
                                view: 'application',
                                applicationId: row.id,
                                accountId: row.accountId,
                              },
                        )
                      }
                    >
                      {row.name}
                    </button>
                    <span className="muted"> {row.kind === 'account' ? 'account' : 'app'}</span>
                  </td>
                  <td>{row.account}</td>
                  <td className="check-table__message">{row.message}</td>
                  <td title={row.checkedAt}>
                    {formatRelative(Date.parse(row.checkedAt) / 1000, now)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
