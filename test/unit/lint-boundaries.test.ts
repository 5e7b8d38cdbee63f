import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
// The project's own config; the type-aware rule is off here because the probed files do not exist.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
});

/** What ESLint says about `code` placed at `file` in this project (nothing is written). */
async function boundaryMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('lint keeps each part of Keydesk in its place', () => {
  it.each([
    ['src/core/vault/x.ts', "import { app } from 'electron';", /Only the Electron shell/],
    ['src/core/vault/x.ts', "import { useState } from 'react';", /React belongs in src\/renderer/],
    [
      'src/core/vault/x.ts',
      "import { registerIpc } from '../../main/electron/register-ipc';",
      /belongs in src\/core/,
    ],
    [
      'src/cli/commands/x.ts',
      "import { createMainWindow } from '../../main/electron/create-main-window';",
      /src\/main is the Electron shell/,
    ],
    ['src/cli/commands/x.ts', "import { app } from 'electron';", /Only the Electron shell/],
    [
      'src/renderer/src/views/X.tsx',
      "import { createServices } from '../../../core/services';",
      /only through window\.api/,
    ],
    ['src/renderer/src/views/X.tsx', "import { readFileSync } from 'node:fs';", /has no Node/],
    [
      'src/renderer/src/views/X.tsx',
      "import { call } from '../api';",
      /Read through useChannel and act through send/,
    ],
    [
      'src/shared/x.ts',
      "import { createServices } from '../core/services';",
      /only through window\.api/,
    ],
    [
      'src/preload/x.ts',
      "import { createServices } from '../core/services';",
      /only through window\.api/,
    ],
    [
      'src/main/electron/x.ts',
      "import { buildProgram } from '../../cli/program';",
      /src\/cli is the command line/,
    ],
  ])('%s: %s', async (file, code, message) => {
    const messages = await boundaryMessages(file, `${code}\nexport const probe = 1;\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  it('lets each part import what it may', async () => {
    const allowed: [string, string][] = [
      [
        'src/main/electron/x.ts',
        "import { app } from 'electron';\nimport { createServices } from '../../core/services';",
      ],
      ['src/cli/commands/x.ts', "import { createServices } from '../../core/services';"],
      ['src/renderer/src/views/X.tsx', "import { foldName } from '../../../shared/fold-name';"],
      ['src/renderer/src/views/X.tsx', "import { fieldErrorsOf } from '../api';"],
      ['src/renderer/src/data/channel-data.ts', "import { call } from '../api';"],
      [
        'src/preload/x.ts',
        "import { contextBridge } from 'electron';\nimport { rendererChannels } from '../shared/channels';",
      ],
    ];
    for (const [file, code] of allowed) {
      expect(await boundaryMessages(file, `${code}\nexport const probe = 1;\n`), file).toEqual([]);
    }
  });
});
