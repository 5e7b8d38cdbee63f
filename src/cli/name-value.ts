import { InvalidArgumentError } from 'commander';
import { splitNameValue } from '../shared/presets';

/** `name=value` as typed on the command line (the value may itself contain "="). */
export function nameValueArgument(text: string): [name: string, value: string] {
  const pair = splitNameValue(text);
  if (!pair) throw new InvalidArgumentError(`"${text}" is not NAME=VALUE.`);
  return pair;
}
