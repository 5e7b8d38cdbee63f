import { useEffect, useState } from 'react';
import { historyActions, type HistoryAction } from '../../../shared/history-actions';
import type { HistoryEvent } from '../../../shared/history-schemas';
import { call } from '../api';
import { useToast } from '../components/toasts';

export function HistoryView(props: { revision: number }) {
  const [text, setText] = useState('');
  const [action, setAction] = useState<HistoryAction | ''>('');
  const [events, setEvents] = useState<HistoryEvent[]>([]);
  const [cursor, setCursor] = useState<number | null>(null);
  const toast = useToast();
  const filter = { ...(text.trim() ? { text } : {}), ...(action ? { action } : {}) };

  useEffect(() => {
    let current = true;
    void call('history:list', { ...filter, limit: 100 }).then((r) => {
      if (!current || !r.ok) return;
      setEvents(r.value.events);
      setCursor(r.value.nextCursor);
    });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the filter is derived from these
  }, [text, action, props.revision]);

  async function more() {
    if (cursor === null) return;
    const r = await call('history:list', { ...filter, limit: 100, cursor });
    if (!r.ok) return toast(r.error.message, 'error');
    setEvents((list) => [...list, ...r.value.events]);
    setCursor(r.value.nextCursor);
  }

  async function exportCsv() {
    const r = await call('history:export', filter);
    if (!r.ok) return toast(r.error.message, 'error');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([r.value.csv], { type: 'text/csv' }));
    link.download = `keydesk-history-${new Date().toISOString().slice(0, 10)}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
    toast(`Exported ${r.value.rows} event(s).`);
  }

  return (
    <section className="card card--wide">
      <h1>History</h1>
      <div className="filters">
        <input
          type="search"
          aria-label="Search history"
          placeholder="Search: account, application, sub, jti…"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <select
          aria-label="Action"
          value={action}
          onChange={(e) => setAction(e.target.value as HistoryAction | '')}
        >
          <option value="">All actions</option>
          {historyActions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
        <button type="button" className="button" onClick={() => void exportCsv()}>
          Export CSV
        </button>
      </div>
      {events.length === 0 ? <p className="muted">No events match.</p> : null}
      <table className="table" data-testid="history-table">
        <thead>
          <tr>
            <th>When</th>
            <th>Action</th>
            <th>Account</th>
            <th>Application</th>
            <th>What</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} className={e.outcome === 'failed' ? 'row--failed' : undefined}>
              <td>{new Date(e.at).toLocaleString()}</td>
              <td>{e.action}</td>
              <td>{e.accountName ?? ''}</td>
              <td>{e.applicationName ?? ''}</td>
              <td>
                {e.summary}
                {e.error ? ` — failed: ${e.error.message}` : ''}
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
