// `npm start` and `npm run dev`: makes sure Electron's runtime is on this machine (the electron
// package's own installer fetches it on first use), then hands over to electron-vite. When the
// runtime cannot be fetched, says why in a few lines and what to do, instead of electron-vite's
// "Error: Electron uninstall" stack trace.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { lookup } from 'node:dns/promises';
import { connect } from 'node:net';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));
const electronDir = join(root, 'node_modules', 'electron');
const { version } = require('electron/package.json');
const fetchLimitMs = Number(process.env.KEYDESK_ELECTRON_FETCH_TIMEOUT_MS) || 45_000;

const [mode = 'preview', ...rest] = process.argv.slice(2);
if (mode !== 'preview' && mode !== 'dev') {
  console.error(`electron-app: say "preview" or "dev", not "${mode}".`);
  process.exit(2);
}

/** Where the electron package puts its executable on this OS (as its install.js decides). */
function platformPath() {
  const platform =
    process.env.ELECTRON_INSTALL_PLATFORM || process.env.npm_config_platform || process.platform;
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

function installedExecutable() {
  if (process.env.ELECTRON_EXEC_PATH) return process.env.ELECTRON_EXEC_PATH;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, platformPath());
  }
  try {
    const recorded = readFileSync(join(electronDir, 'path.txt'), 'utf8');
    const distVersion = readFileSync(join(electronDir, 'dist', 'version'), 'utf8');
    if (distVersion.trim().replace(/^v/, '') !== version) return undefined;
    return join(electronDir, 'dist', recorded);
  } catch {
    return undefined;
  }
}

/** Runs the electron package's own installer; resolves with its output and how it ended. */
function fetchElectron() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(electronDir, 'install.js')], {
      cwd: electronDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ ok: false, output, timedOut: true });
    }, fetchLimitMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ok: code === 0, output, timedOut: false });
    });
  });
}

/** Where the installer downloads from (the mirror's default is Electron's GitHub releases). */
function downloadHost() {
  const mirror = process.env.ELECTRON_MIRROR || process.env.npm_config_electron_mirror;
  try {
    const url = new URL(mirror || 'https://github.com/');
    return { host: url.hostname, port: Number(url.port) || (url.protocol === 'http:' ? 80 : 443) };
  } catch {
    return { host: String(mirror), port: 443 };
  }
}

/**
 * Node's fetch reports every network failure as "fetch failed" and the installer prints no cause:
 * ask the network ourselves whether the name resolves and the port answers.
 */
async function probeNetwork() {
  const { host, port } = downloadHost();
  try {
    await lookup(host);
  } catch (error) {
    return `the name ${host} could not be resolved (${error.code ?? 'no answer'}: offline, or DNS blocked)`;
  }
  const failure = await new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 5_000 });
    socket.once('connect', () => (socket.destroy(), resolve(undefined)));
    socket.once('timeout', () => (socket.destroy(), resolve('timed out')));
    socket.once('error', (error) =>
      resolve(error.code === 'ECONNREFUSED' ? 'was refused' : error.code),
    );
  });
  return failure
    ? `the connection to ${host}:${port} ${failure === 'was refused' || failure === 'timed out' ? failure : `failed (${failure})`}`
    : `the download from ${host} failed (a proxy or TLS problem?)`;
}

/** The installer's error in a few words (it prints a whole stack). */
async function describeFailure({ output, timedOut }) {
  if (timedOut) return `no answer within ${Math.round(fetchLimitMs / 1000)} s`;
  // eslint-disable-next-line no-control-regex -- terminal colour codes from the installer
  const text = output.replace(/\u001b\[[0-9;]*m/g, '');
  const host = /(?:ENOTFOUND|EAI_AGAIN) ([^\s]+)/.exec(text)?.[1];
  if (host) return `the name ${host} could not be resolved (offline, or DNS blocked)`;
  const refused = /ECONNREFUSED ([^\s]+)/.exec(text)?.[1];
  if (refused) return `the connection to ${refused} was refused`;
  if (/ETIMEDOUT|ESOCKETTIMEDOUT/.test(text)) return 'the connection timed out';
  if (/ECONNRESET|socket hang up/.test(text)) return 'the connection was cut off';
  const status = /Response code (\d+)(?: \(([^)]+)\))?/.exec(text);
  if (status) return `the server answered ${status[1]}${status[2] ? ` ${status[2]}` : ''}`;
  if (/checksum|sha256/i.test(text))
    return "the download did not match Electron's published checksum";
  if (/EACCES|EPERM/.test(text)) return 'no permission to write into node_modules/electron';
  if (/fetch failed/.test(text)) return probeNetwork();
  const first = text.split('\n').find((line) => line.trim() && !/^\s+at /.test(line));
  return first ? first.trim().slice(0, 200) : 'the installer stopped without saying why';
}

function explain(cause) {
  const lines = [
    `Keydesk: the Electron ${version} runtime could not be downloaded: ${cause}.`,
    '  The desktop app needs it once; `npm start` fetches it (from GitHub, or ELECTRON_MIRROR).',
    '  To get it another way:',
    '    - a mirror you can reach: ELECTRON_MIRROR=https://your-mirror/electron/ npm start',
    `    - a zip you already have: put electron-v${version}-<os>-<arch>.zip in the folder named by`,
    '      electron_config_cache (electron_config_cache=/path/to/folder npm start)',
    `    - an unpacked Electron ${version}: ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron npm start`,
    '  Meanwhile the command-line tool works on the same vault: npx keydesk --help',
  ];
  process.stderr.write(`${lines.join('\n')}\n`);
}

let executable = installedExecutable();
if (!executable || !existsSync(executable)) {
  if (process.env.ELECTRON_EXEC_PATH || process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    explain(`${executable} does not exist (ELECTRON_EXEC_PATH / ELECTRON_OVERRIDE_DIST_PATH)`);
    process.exit(1);
  }
  process.stderr.write(`Keydesk: fetching the Electron ${version} runtime (once)…\n`);
  const outcome = await fetchElectron();
  executable = installedExecutable();
  if (!outcome.ok || !executable || !existsSync(executable)) {
    explain(await describeFailure(outcome));
    process.exit(1);
  }
}

const electronVite = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
const child = spawn(process.execPath, [electronVite, mode, ...rest], {
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: executable },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
