import { useMemo } from 'react';
import { historyActions, type HistoryAction } from '../../../shared/history-actions';
import type { HistoryFilter } from '../../../shared/history-schemas';
import { useChannel } from '../data/channel-data';

export interface FilterForm {
  text: string;
  action: HistoryAction | '';
  accountId: string;
  applicationId: string;
  /** Local calendar days (yyyy-mm-dd), both included. */
  from: string;
  to: string;
}

export const emptyFilterForm: FilterForm = {
  text: '',
  action: '',
  accountId: '',
  applicationId: '',
  from: '',
  to: '',
};

/** The form as the contract's filter: a day range becomes local midnight to the next midnight. */
export function filterOf(form: FilterForm): HistoryFilter {
  const localMidnight = (day: string, plusDays = 0) => {
    const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
    return new Date(year, month - 1, date + plusDays).toISOString();
  };
  return {
    ...(form.text.trim() ? { text: form.text } : {}),
    ...(form.action ? { action: form.action } : {}),
    ...(form.accountId ? { accountId: form.accountId } : {}),
    ...(form.applicationId ? { applicationId: form.applicationId } : {}),
    ...(form.from ? { since: localMidnight(form.from) } : {}),
    ...(form.to ? { until: localMidnight(form.to, 1) } : {}),
  };
}

/** Search, action, account, application and a day range, side by side above the table. */
export function HistoryFilters(props: { form: FilterForm; onChange: (form: FilterForm) => void }) {
  const { form, onChange } = props;
  const accounts = useChannel('accounts:list', {}).data ?? [];
  const allApps = useChannel('apps:index', {}).data;
  const apps = useMemo(
    () =>
      (allApps ?? [])
        .filter((app) => !form.accountId || app.accountId === form.accountId)
        .sort((a, b) => a.name.localeCompare(b.name)),
    [allApps, form.accountId],
  );
  const set = (patch: Partial<FilterForm>) => onChange({ ...form, ...patch });
  const rangeBackwards = form.from && form.to && form.from > form.to;
  const filtered = JSON.stringify(form) !== JSON.stringify(emptyFilterForm);
  return (
    <div className="filters" role="search" aria-label="Filter the history">
      <input
        type="search"
        aria-label="Search history"
        placeholder="Search: account, application, sub, jti…"
        value={form.text}
        onChange={(e) => set({ text: e.target.value })}
      />
      <select
        aria-label="Action"
        value={form.action}
        onChange={(e) => set({ action: e.target.value as HistoryAction | '' })}
      >
        <option value="">All actions</option>
        {historyActions.map((a) => (
          <option key={a} value={a}>
            {a}
          </option>
        ))}
      </select>
      <select
        aria-label="Account"
        value={form.accountId}
        onChange={(e) => set({ accountId: e.target.value, applicationId: '' })}
      >
        <option value="">All accounts</option>
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      <select
        aria-label="Application"
        value={form.applicationId}
        onChange={(e) => set({ applicationId: e.target.value })}
      >
        <option value="">All applications</option>
        {apps.map((app) => (
          <option key={app.id} value={app.id}>
            {form.accountId ? app.name : `${app.name} (${app.accountName})`}
          </option>
        ))}
      </select>
      <label className="filters__date">
        From
        <input
          type="date"
          value={form.from}
          max={form.to || undefined}
          onChange={(e) => set({ from: e.target.value })}
        />
      </label>
      <label className="filters__date">
        To
        <input
          type="date"
          value={form.to}
          min={form.from || undefined}
          onChange={(e) => set({ to: e.target.value })}
        />
      </label>
      {filtered ? (
        <button
          type="button"
          className="button button--small"
          onClick={() => onChange(emptyFilterForm)}
        >
          Clear filters
        </button>
      ) : null}
      {rangeBackwards ? (
        <p className="field__error" role="alert">
          The range ends before it starts: pick a “To” day on or after the “From” day.
        </p>
      ) : null}
    </div>
  );
}
