import type { LastCheck } from '../../../shared/check-schemas';
import { formatRelative } from '../../../shared/durations';

/** "OK · 5 min ago": a last check in words, for a tooltip or a screen reader. */
export function describeCheck(check: LastCheck, nowSeconds = Date.now() / 1000): string {
  const at = Date.parse(check.checkedAt) / 1000;
  return `Last check: ${check.code}, ${formatRelative(at, nowSeconds)}. ${check.message}`;
}

/**
 * The sidebar's mark for an item's last answer from Vonage: green for OK, red for anything else,
 * nothing before a first check. The code and when are in its label and tooltip.
 */
export function CheckMark({ check }: { check: LastCheck | undefined }) {
  if (!check) return null;
  const ok = check.code === 'OK';
  const label = describeCheck(check);
  return (
    <span
      className={`check-mark ${ok ? 'check-mark--ok' : 'check-mark--bad'}`}
      role="img"
      aria-label={label}
      title={label}
      data-code={check.code}
    >
      {ok ? '✓' : '!'}
    </span>
  );
}
