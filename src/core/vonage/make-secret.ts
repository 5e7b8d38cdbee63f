import { randomInt } from 'node:crypto';

const lower = 'abcdefghijklmnopqrstuvwxyz';
const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const digits = '0123456789';
const alphabet = lower + upper + digits;

/** Vonage's rule for an API secret: 8–25 characters with a lower-case letter, an upper-case one and a digit. */
export const secretRule = /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).{8,25}$/;

/**
 * A new API secret from the CSPRNG: 25 characters (Vonage's longest) of letters and digits,
 * about 148 bits, with at least one of each class Vonage asks for, in random places.
 */
export function makeApiSecret(length = 25): string {
  const chars = [lower, upper, digits].map((set) => set[randomInt(set.length)] ?? 'a');
  while (chars.length < length) chars.push(alphabet[randomInt(alphabet.length)] ?? 'a');
  // Fisher–Yates with the CSPRNG, so the three required characters sit anywhere.
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}
