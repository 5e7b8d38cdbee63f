import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../src/core/history/fts-query';

describe('toFtsQuery', () => {
  it('requires every word, whole except the last, which may be the start of one', () => {
    expect(toFtsQuery('acme voi')).toBe('"acme" AND "voi"*');
    expect(toFtsQuery('alice')).toBe('"alice"*');
  });

  it('keeps the parts of a UUID or hyphenated name together as a phrase', () => {
    expect(toFtsQuery('3f2a1b-77')).toBe('"3f2a1b 77"*');
  });

  it('never lets FTS5 syntax through', () => {
    expect(toFtsQuery('"a" OR b* NEAR(c) -d ^e')).toBe(
      '"a" AND "OR" AND "b" AND "NEAR c" AND "d" AND "e"*',
    );
    expect(toFtsQuery('  -- ** ')).toBeUndefined();
  });

  it('keeps letters and digits of any script', () => {
    expect(toFtsQuery('Café 東京')).toBe('"Café" AND "東京"*');
  });
});
