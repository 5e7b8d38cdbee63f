/**
 * `npm run bench [-- NAME ...]`: prints figures and ratios against the goals; asserts nothing.
 * Each part runs on fresh services over a scratch data folder and keychain service.
 */
import { cpus } from 'node:os';
import { openBenchServices } from './bench-services';
import { benchCheck } from './check';
import { benchCli } from './cli';
import { benchHistory } from './history';
import { benchKeychain } from './keychain';
import { benchMint } from './mint';
import { benchRenderer } from './renderer';
import { benchTeam } from './team';
import { benchUsers } from './users';
import { benchVault } from './vault';

const parts = {
  mint: benchMint,
  vault: benchVault,
  renderer: benchRenderer,
  history: benchHistory,
  cli: benchCli,
  check: benchCheck,
  users: benchUsers,
  keychain: benchKeychain,
  team: benchTeam,
};
type Part = keyof typeof parts;

const wanted = process.argv.slice(2).filter((name): name is Part => Object.hasOwn(parts, name));
const selected = wanted.length ? wanted : (Object.keys(parts) as Part[]);

console.log(
  `Keydesk benchmarks: node ${process.version}, ${cpus().length} CPU(s) ${cpus()[0]?.model ?? ''}`,
);
for (const name of selected) {
  const bench = openBenchServices();
  try {
    await parts[name](bench);
  } finally {
    await bench.dispose();
  }
}
