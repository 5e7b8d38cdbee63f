/**
 * Durations as people type and read them ("900", "30s", "15m", "1h", "24h"; "in 14 min", "3 h ago").
 * Shared by the CLI, the main process and the renderer so every surface speaks the same units.
 */

const unitSeconds = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** Seconds for "900", "30s", "15m", "1h", "2d"; undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,9})\s*([smhd]?)$/i.exec(text.trim());
  if (!match) return undefined;
  const [, amount = '', unit = ''] = match;
  const multiplier = unit ? unitSeconds[unit.toLowerCase() as keyof typeof unitSeconds] : 1;
  return Number(amount) * multiplier;
}

/** "30 s", "15 min", "1 h 30 min", "2 d 3 h": the two largest units are enough to read. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.round(Math.abs(totalSeconds));
  if (seconds < 60) return `${seconds} s`;
  const parts: string[] = [];
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days) parts.push(`${days} d`);
  if (hours) parts.push(`${hours} h`);
  if (minutes && !days) parts.push(`${minutes} min`);
  if (!parts.length) parts.push(`${seconds % 60} s`);
  return parts.slice(0, 2).join(' ');
}

/** "in 14 min" or "3 h ago" for a Unix time in seconds, relative to `nowSeconds`. */
export function formatRelative(unixSeconds: number, nowSeconds: number): string {
  const delta = unixSeconds - nowSeconds;
  if (Math.abs(delta) < 1) return 'now';
  return delta > 0 ? `in ${formatDuration(delta)}` : `${formatDuration(delta)} ago`;
}

/** "30 s" never breaks between the number and its unit on screen (a no-break space joins them). */
export function keepUnitsTogether(text: string): string {
  return text.replace(/(\d) (?=(?:s|min|h|d|ms|KiB|MiB|bytes)\b)/g, '$1\u00a0');
}
