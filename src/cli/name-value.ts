import { InvalidArgumentError } from 'commander';

/** `name=value` as typed on the command line (the value may itself contain "="). */
export function splitNameValue(text: string): [name: string, value: string] {
  const at = text.indexOf('=');
  if (at < 1) throw new InvalidArgumentError(`"${text}" is not NAME=VALUE.`);
  return [text.slice(0, at), text.slice(at + 1)];
}
