import { useMemo, useState } from 'react';
import type { HistoryEvent, HistoryFilter } from '../../../shared/history-schemas';
import { useToast } from '../components/toasts';
import { useAction } from '../components/useAction';
import { send, useChannel } from '../data/channel-data';
import { HistoryFilters, emptyFilterForm, filterOf, type FilterForm } from './HistoryFilters';

const pageSize = 100;

const sameDay = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
const otherDay = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });

/** One line: the time alone for today, the short date and time before; ISO in the tooltip. */
function compactTime(iso: string, today: string): string {
  const at = new Date(iso);
  return at.toDateString() === today ? sameDay.format(at) : otherDay.format(at);
}

export function HistoryView() {
  const [form, setForm] = useState<FilterForm>(emptyFilterForm);
  const filter: HistoryFilter = useMemo(() => filterOf(form), [form]);
  const firstPage = useChannel('history:list', { ...filter, limit: pageSize });
  // Older pages belong to the filter they were fetched for; a new filter starts from its first.
  const [older, setOlder] = useState<{
    key: string;
    events: HistoryEvent[];
    cursor: number | null;
  }>();
  const toast = useToast();
  const exporting = useAction('history:export');
  const filterKey = JSON.stringify(filter);
  const olderPages = older?.key === filterKey ? older : undefined;
  const events = [...(firstPage.data?.events ?? []), ...(olderPages?.events ?? [])];
  const cursor = olderPages ? olderPages.cursor : (firstPage.data?.nextCursor ?? null);
  const today = new Date().toDateString();

  // Older pages are a read, not a write: asked directly, their failure a toast.
  async function more() {
    if (cursor === null) return;
    const r = await send('history:list', { ...filter, limit: pageSize, cursor });
    if (!r.ok) return toast(r.error.message, 'error');
    setOlder({
      key: filterKey,
      events: [...(olderPages?.events ?? []), ...r.value.events],
      cursor: r.value.nextCursor,
    });
  }

  async function exportCsv() {
    const exported = await exporting.run(filter);
    if (!exported) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([exported.csv], { type: 'text/csv' }));
    link.download = `keydesk-history-${new Date().toISOString().slice(0, 10)}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
    toast(`Exported ${exported.rows} event(s).`);
  }

  const failed = events.filter((e) => e.outcome === 'failed').length;
  return (
    <section className="card card--wide history">
      <header className="history__header">
        <h1>History</h1>
        <span className="muted" aria-live="polite">
          {firstPage.loading && !firstPage.data
            ? 'Loading…'
            : `${events.length}${cursor !== null ? '+' : ''} event${events.length === 1 ? '' : 's'}${failed ? `, ${failed} failed` : ''}`}
        </span>
        <button
          type="button"
          className="button button--small"
          disabled={exporting.pending}
          onClick={() => void exportCsv()}
        >
          Export CSV
        </button>
      </header>
      <HistoryFilters form={form} onChange={setForm} />
      {firstPage.error ? (
        <p className="field__error" role="alert">
          {firstPage.error.message}
        </p>
      ) : null}
      {firstPage.data && events.length === 0 ? <p className="muted">No events match.</p> : null}
      <table className="table table--dense" data-testid="history-table">
        <thead>
          <tr>
            <th>When</th>
            <th>Outcome</th>
            <th>Action</th>
            <th>Account</th>
            <th>Application</th>
            <th>What</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} className={e.outcome === 'failed' ? 'row--failed' : undefined}>
              <td className="nowrap">
                <time dateTime={e.at} title={e.at}>
                  {compactTime(e.at, today)}
                </time>
              </td>
              <td>
                <span className={`outcome outcome--${e.outcome}`}>
                  {e.outcome === 'ok' ? '✓ OK' : '✕ Failed'}
                </span>
              </td>
              <td className="nowrap">{e.action}</td>
              <td className="ellipsis">{e.accountName ?? ''}</td>
              <td className="ellipsis">{e.applicationName ?? ''}</td>
              <td
                className="ellipsis"
                title={e.error ? `${e.summary}: ${e.error.message}` : e.summary}
              >
                {e.summary}
                {e.error ? <span className="outcome--failed"> — {e.error.message}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {cursor !== null ? (
        <button type="button" className="button" onClick={() => void more()}>
          Older events
        </button>
      ) : null}
    </section>
  );
}
