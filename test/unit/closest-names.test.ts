import { describe, expect, it } from 'vitest';
import { closestNames, didYouMean, editDistance } from '../../src/shared/closest-names';

describe('the names a person probably meant', () => {
  const names = ['Voice bot', 'Video', 'Messages', 'Voice', 'Verify demo', 'Zürich Voice'];

  it('counts edits', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
    // Two neighbours swapped is one slip.
    expect(editDistance('alcie', 'alice')).toBe(1);
    expect(closestNames('alcie', ['alice', 'bob'])).toEqual(['alice']);
  });

  it('offers a slip of a letter or two, or a name containing what was typed, best first', () => {
    expect(closestNames('Voice bt', names)).toEqual(['Voice bot']);
    expect(closestNames('Voice b', names)).toEqual(['Voice bot', 'Voice']);
    expect(closestNames('VOICE BOT', names)).toEqual(['Voice bot']);
    expect(closestNames('zürich', names)).toEqual(['Zürich Voice']);
    expect(closestNames('Mesages', names)).toEqual(['Messages']);
  });

  it('offers nothing for something far from every name', () => {
    expect(closestNames('Payments', names)).toEqual([]);
    expect(closestNames('   ', names)).toEqual([]);
    expect(didYouMean('Payments', names)).toBe('');
  });

  it('says it as a question', () => {
    expect(didYouMean('Mesages', names)).toBe(' Did you mean "Messages"?');
    expect(didYouMean('Voice b', names)).toBe(' Did you mean "Voice bot" or "Voice"?');
  });
});
