import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatRelative,
  keepUnitsTogether,
  parseDuration,
} from '../../src/shared/durations';

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

describe('numbers and their units on screen', () => {
  it('joins them with a no-break space, and nothing else', () => {
    expect(keepUnitsTogether('expires in 15 min, clipboard clears in 30 s.')).toBe(
      'expires in 15\u00a0min, clipboard clears in 30\u00a0s.',
    );
    expect(keepUnitsTogether('3 h ago; 2 apps; 1,024 bytes')).toBe(
      '3\u00a0h ago; 2 apps; 1,024\u00a0bytes',
    );
  });
});
