// Node module-loader hooks: `electron` resolves to the test stand-in, whose export list is read from
// Electron's own type definitions: in the main process `require('electron')` is the main-process
// modules (namespace Electron.Main) plus the common ones (Electron.Common: shell, nativeImage, …).
// A name Electron 45's main process lacks fails to link here exactly as it would in Electron.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const standInUrl = 'keydesk-stand-in:electron';
const implementationUrl = new URL('./electron-main.ts', import.meta.url).href;
const root = fileURLToPath(new URL('../../../', import.meta.url));

function namespaceValues(types, namespace) {
  const start = types.indexOf(`  namespace ${namespace} {`);
  const end = types.indexOf('\n  }', start);
  if (start < 0 || end < 0) throw new Error(`electron.d.ts has no namespace ${namespace}`);
  const block = types.slice(start, end);
  return [...block.matchAll(/^ {4}(?:const|class) (\w+)/gm)].map((match) => match[1]);
}

export function mainProcessExportNames() {
  const types = readFileSync(`${root}node_modules/electron/electron.d.ts`, 'utf8');
  return [...new Set([...namespaceValues(types, 'Main'), ...namespaceValues(types, 'Common')])];
}

export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: standInUrl, shortCircuit: true };
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (url !== standInUrl) return next(url, context);
  const names = mainProcessExportNames();
  const lines = [
    `import { mainExports } from ${JSON.stringify(implementationUrl)};`,
    ...names.map((name) => `export const ${name} = mainExports(${JSON.stringify(name)});`),
    `export default { ${names.join(', ')} };`,
  ];
  return { format: 'module', source: lines.join('\n'), shortCircuit: true };
}
