import type { EnvironmentFormat, EnvironmentVariables } from '../../shared/environment';
import { KeydeskError } from '../../shared/errors';
import { shellQuote } from '../shell-quote';

/**
 * A value as a .env line that the `dotenv` package and Node's util.parseEnv (and --env-file) both
 * read back exactly. Neither knows an escape but \n (and dotenv \r) inside double quotes, so:
 * double quotes with \n for a value with no double quote, carriage return or text that reads as
 * one of those escapes (a PEM stays on one line); else single quotes or backticks, which both
 * take as they are, line breaks included. A value no quoting carries is refused, not written wrong.
 */
function dotenvValue(name: string, value: string): string {
  if (!/["\r]|\\[nr]/.test(value)) return `"${value.replace(/\n/g, '\\n')}"`;
  if (!value.includes('\r')) {
    if (!value.includes("'")) return `'${value}'`;
    if (!value.includes('`')) return `\`${value}\``;
  }
  throw new KeydeskError(
    'VALIDATION',
    `${name} cannot be written to a .env file so that dotenv and Node read it back exactly (${value.includes('\r') ? 'it holds a carriage return' : 'it holds \' and ` together with " or a backslash before n or r'}); use the shell or JSON format instead.`,
    'format',
  );
}

/** Variables as a shell sources them (`export NAME='…'`), as a .env file, or as JSON. */
export function formatEnvironment(
  variables: EnvironmentVariables,
  format: EnvironmentFormat,
): string {
  if (format === 'json') return JSON.stringify(Object.fromEntries(variables), null, 2);
  if (format === 'shell') {
    return variables.map(([name, value]) => `export ${name}=${shellQuote(value)}`).join('\n');
  }
  return variables.map(([name, value]) => `${name}=${dotenvValue(name, value)}`).join('\n');
}
