import type { EnvironmentFormat, EnvironmentVariables } from '../../shared/environment';
import { shellQuote } from '../shell-quote';

/**
 * Variables as a shell sources them (`export NAME='…'`), as a .env file (`NAME="…"`, newlines as
 * \n so a PEM stays on one line, as dotenv reads it back), or as JSON.
 */
export function formatEnvironment(
  variables: EnvironmentVariables,
  format: EnvironmentFormat,
): string {
  if (format === 'json') return JSON.stringify(Object.fromEntries(variables), null, 2);
  if (format === 'shell') {
    return variables.map(([name, value]) => `export ${name}=${shellQuote(value)}`).join('\n');
  }
  const dotenv = (value: string) =>
    `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
  return variables.map(([name, value]) => `${name}=${dotenv(value)}`).join('\n');
}
