import { stringify } from 'csv-stringify/sync';
import type { HistoryEvent } from '../../shared/history-schemas';

const columns = [
  'time',
  'action',
  'outcome',
  'account',
  'account_id',
  'application',
  'application_id',
  'summary',
  'jti',
  'sub',
  'exp',
  'ttl_seconds',
  'acl',
  'acl_hash',
  'error_code',
  'error_message',
] as const;

/**
 * A spreadsheet runs a cell that starts with = + - @ as a formula; account names are typed by
 * people (and customers), so such text cells get a leading apostrophe, as OWASP advises.
 */
function cell(value: string | undefined): string {
  if (value === undefined) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function toRecord(event: HistoryEvent): (string | number)[] {
  const d = event.details;
  return [
    event.at,
    event.action,
    event.outcome,
    cell(event.accountName),
    event.accountId ?? '',
    cell(event.applicationName),
    event.applicationId ?? '',
    cell(event.summary),
    d.jti ?? '',
    cell(d.sub),
    d.exp ?? '',
    d.ttlSeconds ?? '',
    d.acl ?? '',
    d.aclHash ?? '',
    event.error?.code ?? '',
    cell(event.error?.message),
  ];
}

/** RFC 4180 CSV with a header row, from events read one at a time off the database cursor. */
export function historyToCsv(events: Iterable<HistoryEvent>): { csv: string; rows: number } {
  const parts = [stringify([columns as unknown as string[]])];
  let batch: (string | number)[][] = [];
  let rows = 0;
  for (const event of events) {
    batch.push(toRecord(event));
    rows += 1;
    if (batch.length === 1000) {
      parts.push(stringify(batch));
      batch = [];
    }
  }
  if (batch.length) parts.push(stringify(batch));
  return { csv: parts.join(''), rows };
}
