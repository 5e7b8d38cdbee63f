import { createRequire } from 'node:module';
import { KeydeskError } from '../shared/errors';
import type { CallContext } from '../core/handlers/handler-types';
import { CliError } from './cli-error';
import { note, terminalSafe } from './output';
import { io } from './cli-io';

const requireModule = createRequire(import.meta.url);

/**
 * Secrets never come from arguments (anyone can read those in `ps`): they are piped in on stdin,
 * or typed at a prompt that does not echo when stdin is a terminal.
 */
export async function readSecret(what: string, pipeHint: string): Promise<string> {
  if (io().stdin.isTTY) {
    const value = await promptHidden(`${what}: `);
    if (value === '') throw new CliError(`No ${what} was entered.`);
    return value;
  }
  const value = stripFinalNewline(await readStdin());
  if (value === '') throw new CliError(`No ${what} on stdin. ${pipeHint}`);
  return value;
}

export async function readStdin(
  maxBytes = 1024 * 1024,
  what = 'that is not a secret or key',
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io().stdin) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new CliError(`stdin is larger than ${maxBytes} bytes; ${what}.`);
    chunks.push(chunk as Buffer);
  }
  return strictUtf8(Buffer.concat(chunks), 'stdin');
}

/**
 * Text exactly as given, or a refusal: a lenient decode would store U+FFFD in place of bytes it
 * cannot read, a secret other than the one the user has.
 */
export function strictUtf8(bytes: Uint8Array, where: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const at = firstInvalidByte(bytes);
    throw new CliError(
      `${where} is not UTF-8 text (byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at position ${at}); Keydesk stores secrets exactly as given, so nothing was stored. Check the encoding of what you piped.`,
    );
  }
}

/** The offset of the first byte that cannot start or continue UTF-8 (prefixes decode or not). */
function firstInvalidByte(bytes: Uint8Array): number {
  const decodes = (end: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (decodes(middle)) good = middle;
    else bad = middle;
  }
  return good;
}

export function stripFinalNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

export function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  // Echo goes off before the prompt shows: nothing typed the moment it appears is echoed.
  stdin.setRawMode(true);
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let value = '';
    stdin.resume();
    stdin.setEncoding('utf8');
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else if (value.includes('\uFFFD'))
        reject(new CliError('What was typed is not UTF-8 text; nothing was stored.'));
      else resolve(value);
    };
    const onData = (chunk: string) => {
      const chars = [...chunk];
      for (const [index, char] of chars.entries()) {
        if (char === '\r' || char === '\n') {
          finish();
          // What was typed ahead (or pasted) past this line is the next prompt's, not lost.
          const rest = chars.slice(index + (char === '\r' && chars[index + 1] === '\n' ? 2 : 1));
          if (rest.length) stdin.unshift(rest.join(''));
          return;
        }
        if (char === '\u0003') return finish(new CliError('Cancelled.', 130));
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else if (char >= ' ') value += char;
      }
    };
    stdin.on('data', onData);
  });
}

export async function confirm(question: string): Promise<boolean> {
  // require, not import(): a dynamic import inside the code-cached bundle makes Node print an
  // ExperimentalWarning (vm.USE_MAIN_CONTEXT_DEFAULT_LOADER) in the middle of the question.
  const { createInterface } = requireModule(
    'node:readline/promises',
  ) as typeof import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${terminalSafe(question)} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

/**
 * A change that cannot be taken back needs a yes: typed at a terminal, or --yes in a script.
 * `doing` names it for the refusal: "removing anything", "rotating the key".
 */
export async function confirmChange(
  question: string,
  yes: boolean | undefined,
  doing: string,
  declined: string,
): Promise<void> {
  if (yes) return;
  if (!io().stdin.isTTY) {
    throw new CliError(
      `Not ${doing} without confirmation: pass --yes when running without a terminal.`,
    );
  }
  if (!(await confirm(question))) throw new CliError(declined);
}

/**
 * The confirmation a handler asks for before a key change (CallContext.confirm): --yes, else the
 * question at a terminal. Without either the change is refused before anything happens.
 */
export function confirmationFor(yes: boolean | undefined, doing: string): CallContext['confirm'] {
  return async (question) => {
    if (yes) return true;
    if (!io().stdin.isTTY) {
      throw new KeydeskError(
        'VALIDATION',
        `Not ${doing} without confirmation: pass --yes when running without a terminal.`,
      );
    }
    note(question.detail);
    return confirm(question.message);
  };
}

/** Removal needs a yes: typed at a terminal, or --yes in a script. */
export const confirmRemoval = (question: string, yes: boolean | undefined) =>
  confirmChange(question, yes, 'removing anything', 'Nothing was removed.');
