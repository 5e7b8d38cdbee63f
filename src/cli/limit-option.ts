import { groupDigits } from '../shared/group-digits';
import { CliError } from './cli-error';

/** `--limit N` as a whole number from 1 to `max`; anything else is a usage error saying the bounds. */
export function limitOption(max: number): (text: string) => number {
  return (text) => {
    const bounds = `a whole number from 1 to ${groupDigits(max)}`;
    if (!/^\d+$/.test(text.trim())) {
      throw new CliError(`--limit: give ${bounds} ("${text}" is not a whole number).`, 2);
    }
    const limit = Number(text);
    if (limit < 1 || limit > max) {
      throw new CliError(`--limit: give ${bounds} (${text.trim()} is out of range).`, 2);
    }
    return limit;
  };
}
