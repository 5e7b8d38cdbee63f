import { describe, expect, it } from 'vitest';
import { formatDuration, formatRelative, parseDuration } from '../../src/shared/durations';

describe('parseDuration', () => {
  it.each([
    ['900', 900],
    ['30s', 30],
    ['15m', 900],
    ['1h', 3600],
    ['24h', 86_400],
    ['7d', 604_800],
    [' 2H ', 7200],
  ])('reads %j as %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['', 'abc', '15 minutes', '1.5h', '-30s', '1h30m', '15x'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('formatDuration and formatRelative', () => {
  it('shows the two largest units', () => {
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(14 * 60 + 5)).toBe('14 min');
    expect(formatDuration(5400)).toBe('1 h 30 min');
    expect(formatDuration(86_400 + 3 * 3600)).toBe('1 d 3 h');
  });

  it('says "in" for the future and "ago" for the past', () => {
    expect(formatRelative(1000 + 14 * 60, 1000)).toBe('in 14 min');
    expect(formatRelative(1000 - 3 * 3600, 1000)).toBe('3 h ago');
    expect(formatRelative(1000, 1000)).toBe('now');
  });
});
