import { spawn } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const electronVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  servers.length = 0;
});

/**
 * A copy of the project's start script beside a fresh copy of the electron package (no binary,
 * whatever this machine has), so the first-start path runs for real without touching
 * node_modules/electron.
 */
function projectWithoutElectronBinary(): string {
  const project = mkdtempSync(join(tmpdir(), 'keydesk-start-'));
  mkdirSync(join(project, 'scripts'));
  copyFileSync(
    join(root, 'scripts', 'electron-app.mjs'),
    join(project, 'scripts', 'electron-app.mjs'),
  );
  copyFileSync(join(root, 'package.json'), join(project, 'package.json'));
  const electron = join(project, 'node_modules', 'electron');
  mkdirSync(electron, { recursive: true });
  for (const file of ['package.json', 'install.js', 'checksums.json', 'index.js', 'cli.js']) {
    copyFileSync(join(root, 'node_modules', 'electron', file), join(electron, file));
  }
  symlinkSync(join(root, 'node_modules', '@electron'), join(project, 'node_modules', '@electron'));
  return project;
}

/** A local server standing in for the download mirror; records what was asked of it. */
async function mirror(answer: 'not-found' | 'hang') {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    if (answer === 'not-found') response.writeHead(404).end('Not Found');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, requests };
}

function npmStart(cwd: string, env: NodeJS.ProcessEnv, args: string[] = []) {
  return new Promise<{ code: number | null; output: string; ms: number }>((resolve) => {
    const started = Date.now();
    const child = spawn('npm', ['start', '--silent', '--', ...args], {
      cwd,
      env: {
        ...process.env,
        electron_config_cache: mkdtempSync(join(tmpdir(), 'keydesk-electron-cache-')),
        ...env,
      },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code, output, ms: Date.now() - started }));
  });
}

function expectGuidance(output: string) {
  expect(output).toContain(`the Electron ${electronVersion} runtime could not be downloaded`);
  expect(output).toContain('ELECTRON_MIRROR');
  expect(output).toContain('electron_config_cache');
  expect(output).toContain('ELECTRON_OVERRIDE_DIST_PATH');
  expect(output).toContain('npx keydesk');
  // one short message, no stack trace, not electron-vite's "Electron uninstall"
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toContain('Electron uninstall');
  expect(output.trim().split('\n').length).toBeLessThanOrEqual(12);
}

describe('npm start on a machine without the Electron runtime', () => {
  it('fetches it with the electron package installer, and says so when the mirror has no such file', async () => {
    const download = await mirror('not-found');
    const result = await npmStart(projectWithoutElectronBinary(), {
      ELECTRON_MIRROR: download.url,
    });
    expect(result.code).toBe(1);
    expect(download.requests).toEqual([
      `/v${electronVersion}/electron-v${electronVersion}-linux-x64.zip`,
    ]);
    expect(result.output).toContain('the server answered 404');
    expectGuidance(result.output);
  });

  it('names a refused connection', async () => {
    const closed = await mirror('not-found');
    const { url } = closed;
    await new Promise((resolve) => servers.pop()?.close(resolve));
    const result = await npmStart(projectWithoutElectronBinary(), { ELECTRON_MIRROR: url });
    expect(result.code).toBe(1);
    expect(result.output).toContain(`the connection to ${new URL(url).host} was refused`);
    expectGuidance(result.output);
  });

  it('gives up on a mirror that never answers, within the limit', async () => {
    const download = await mirror('hang');
    const result = await npmStart(projectWithoutElectronBinary(), {
      ELECTRON_MIRROR: download.url,
      KEYDESK_ELECTRON_FETCH_TIMEOUT_MS: '1500',
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain('no answer within 2 s');
    expectGuidance(result.output);
  });
});

describe('npm start with the Electron runtime present', () => {
  it('starts it on the built app, with nothing fetched', async () => {
    // An Electron stand-in executable: records how it was started, as the real binary would be.
    const dist = mkdtempSync(join(tmpdir(), 'keydesk-electron-dist-'));
    const record = join(dist, 'started-with.json');
    writeFileSync(
      join(dist, 'electron'),
      `#!/usr/bin/env node\nrequire('node:fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify({ args: process.argv.slice(2), cwd: process.cwd() }));\n`,
    );
    chmodSync(join(dist, 'electron'), 0o755);
    const download = await mirror('not-found');
    // --skipBuild: the build is npm test's first step, and a second one would race the other tests
    const result = await npmStart(
      root,
      { ELECTRON_OVERRIDE_DIST_PATH: dist, ELECTRON_MIRROR: download.url },
      ['--skipBuild'],
    );
    expect(result.output).not.toContain('could not be downloaded');
    expect(result.code).toBe(0);
    expect(download.requests).toEqual([]);
    const started = JSON.parse(readFileSync(record, 'utf8')) as { args: string[]; cwd: string };
    expect(started.args[0]).toBe('.');
    expect(started.cwd).toBe(root);
  });
});
