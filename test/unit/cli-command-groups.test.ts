import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { allCommands } from '../../src/cli/all-commands';
import { commandGroups } from '../../src/cli/command-groups';
import { bundleFor } from '../../src/cli/launcher';
import { buildProgram } from '../../src/cli/program';
import { createCliContext } from '../../src/cli/context';

const ctx = createCliContext();
const namesOf = (program: Command) => program.commands.map((command) => command.name()).sort();

/** The build makes a bundle per group from command-groups.json: it must say what the code does. */
describe('the command table the build splits the CLI by', () => {
  it('each group registers exactly the commands it lists, from the module it names', async () => {
    for (const group of commandGroups) {
      const register = allCommands[group.register];
      expect(register, group.register).toBeDefined();
      const module = (await import(`../../src/cli/commands/${group.module}.ts`)) as Record<
        string,
        unknown
      >;
      expect(module[group.register], `${group.module} exports ${group.register}`).toBe(register);
      if (register)
        expect(namesOf(buildProgram(ctx, [register]))).toEqual([...group.commands].sort());
    }
  });

  it('covers every command once: the whole CLI has no command without a group', () => {
    const listed = commandGroups.flatMap((group) => group.commands);
    expect(new Set(listed).size).toBe(listed.length);
    expect(Object.keys(allCommands).sort()).toEqual(commandGroups.map((g) => g.register).sort());
    expect(namesOf(buildProgram(ctx, Object.values(allCommands)))).toEqual(listed.sort());
  });

  it('a command runs its own bundle; anything else, or a command without one, the whole CLI', () => {
    const folder = '/opt/keydesk/out/cli';
    const argv = (...args: string[]) => ['node', 'keydesk', ...args];
    const has = (path: string) => path === `${folder}/commands/jwt.cjs`;
    expect(bundleFor(folder, argv('jwt', 'Voice'), has)).toBe(`${folder}/commands/jwt.cjs`);
    for (const other of [argv('--help'), argv('help', 'jwt'), argv(), argv('apps', 'list')])
      expect(bundleFor(folder, other, has)).toBe(`${folder}/keydesk.cjs`);
    // Never a path out of the folder, whatever is typed.
    expect(bundleFor(folder, argv('../../etc/passwd'), () => true)).toBe(`${folder}/keydesk.cjs`);
  });
});
