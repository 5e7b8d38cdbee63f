import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commandGroups, registrationsFor } from '../../src/cli/command-groups';
import { buildProgram } from '../../src/cli/program';
import { createCliContext } from '../../src/cli/context';
import { cliInProcess } from '../helpers/cli-in-process';
import { makeDataDir } from '../helpers/services';

const ctx = createCliContext();
const namesOf = (program: Command) => program.commands.map((command) => command.name());

describe('a run loads only its own command group', () => {
  it('each group registers exactly the commands the table says, and no two groups share one', async () => {
    const seen: string[] = [];
    for (const group of commandGroups) {
      const program = buildProgram(ctx, [await group.load()]);
      expect(namesOf(program).sort()).toEqual([...group.commands].sort());
      seen.push(...group.commands);
    }
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('a named command brings its group alone; --help, help and a mistyped one bring them all', async () => {
    const named = async (...args: string[]) =>
      namesOf(buildProgram(ctx, await registrationsFor(['node', 'keydesk', ...args])));
    const all = commandGroups.flatMap((group) => group.commands).sort();
    expect(await named('jwt', 'Voice')).toEqual(['jwt']);
    expect((await named('env')).sort()).toEqual(['env', 'exec']);
    expect((await named('--help')).sort()).toEqual(all);
    expect((await named('help', 'jwt')).sort()).toEqual(all);
    expect((await named('jtw')).sort()).toEqual(all);
    expect((await named()).sort()).toEqual(all);
  });

  it('the top-level help lists every command, and a mistyped one is still pointed at the right one', async () => {
    const keydesk = cliInProcess(makeDataDir());
    const help = await keydesk(['--help']);
    for (const name of commandGroups.flatMap((group) => group.commands)) {
      expect(help.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    }
    const typo = await keydesk(['accouts', 'list']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown command 'accouts'.*did you mean accounts/i);
  });
});
