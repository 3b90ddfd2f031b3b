import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths';

/**
 * Proves the architecture rules bite: each probe is source text linted in memory with the project's own
 * config, under a path inside the folder it tests, so the folder's rules apply. Nothing is written.
 */
const PROBE_PATHS = {
  app: 'app/__lint_probe__.ts',
  renderer: 'renderer/__lint_probe__.ts',
  'electron/service': 'electron/service/__lint_probe__.ts',
  'electron/service/devices': 'electron/service/devices/__lint_probe__.ts',
  'electron/service/demo': 'electron/service/demo/__lint_probe__.ts',
  'electron/simulators': 'electron/simulators/__lint_probe__.ts',
  'electron/devices': 'electron/devices/__lint_probe__.ts',
  'electron/shared': 'electron/shared/__lint_probe__.ts',
  'electron/web': 'electron/web/__lint_probe__.ts',
} as const;
type ProbeFolder = keyof typeof PROBE_PATHS;

// The probe paths exist in no tsconfig, so type-aware rules take them from typescript-eslint's default
// project, with the repo's compiler options. The only change to the project's config.
const eslint = new ESLint({
  cwd: REPO_ROOT,
  overrideConfigFile: join(REPO_ROOT, 'build', 'eslint.config.mjs'),
  overrideConfig: {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: Object.values(PROBE_PATHS),
          defaultProject: 'tsconfig.json',
          // One probe file a folder; typescript-eslint warns past 8 because globs could match whole trees.
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: Object.keys(PROBE_PATHS).length,
        },
      },
    },
  },
});

async function lintProbe(folder: ProbeFolder, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(REPO_ROOT, PROBE_PATHS[folder]) });
  const messages = result?.messages ?? [];
  // A parse or config error would otherwise read as "no violations" and let an accepting probe pass.
  expect(messages.filter((m) => m.fatal === true || m.ruleId === null)).toEqual([]);
  return messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

describe('import boundaries (design/brief.md), enforced by lint', () => {
  it.each([
    ["import { app } from 'electron';", 'electron'],
    ["import { readFileSync } from 'node:fs';", 'Node built-ins'],
    ["import { join } from 'path';", 'Node built-ins'],
    ["import { useState } from 'react';", 'no UI libraries'],
    ["import { createRoot } from 'react-dom/client';", 'no UI libraries'],
    ["import { createLogger } from '../electron/service/logger';", 'must not import from electron/'],
  ])('app/ rejects %s', async (line, reason) => {
    const messages = await lintProbe('app', `${line}\nexport const probe = 1;\n`);
    expect(messages.join('\n')).toContain(reason);
  });

  it('app/ rejects DOM and host globals', async () => {
    const messages = await lintProbe('app', 'export const probe = () => [document.title, setTimeout, process.env];\n');
    expect(messages).toHaveLength(3);
    expect(messages.join('\n')).toContain('app/ is platform-free: inject document instead.');
  });

  it('app/ accepts its own platform-free modules', async () => {
    const messages = await lintProbe('app', "import { money } from './money/money';\nexport const probe = money(1, 'SGD');\n");
    expect(messages).toEqual([]);
  });

  it('renderer/ rejects Node, Electron and main-process modules', async () => {
    const messages = await lintProbe(
      'renderer',
      [
        "import { readFileSync } from 'node:fs';",
        "import { ipcRenderer } from 'electron';",
        "import { createLogger } from '../electron/service/logger';",
        'export const probe = [readFileSync, ipcRenderer, createLogger];',
      ].join('\n'),
    );
    expect(messages).toHaveLength(3);
  });

  it('renderer/ imports nothing from electron/, not even a type: the PosApi type comes from app/ipc', async () => {
    const typeOnly = await lintProbe('renderer', "import type { ApiTransport } from '../electron/preload';\nexport type Probe = ApiTransport;\n");
    expect(typeOnly.join('\n')).toContain('renderer/ must not import from electron/');
    const fromApp = await lintProbe('renderer', "import type { PosApi } from '../app/ipc/pos-api';\nexport type Probe = PosApi;\n");
    expect(fromApp).toEqual([]);
  });

  it('electron/ services may not import Electron; only main and the preload may', async () => {
    const messages = await lintProbe('electron/service', "import { app } from 'electron';\nexport const probe = app;\n");
    expect(messages.join('\n')).toContain('Electron is imported only by electron/main* and the preload');
  });

  it.each([
    ['electron/simulators', "import { createLogger } from '../service/logging/logger';", 'never import the service'],
    ['electron/devices', "import { createLogger } from '../service/logging/logger';", 'never import the service'],
    ['electron/devices', "import { startWebHost } from '../web/web-host';", 'entry points: nothing imports them'],
    ['electron/service', "import { createIpc } from '../main/ipc';", 'entry points: nothing imports them'],
    ['electron/shared', "import { startOpnSimulator } from '../simulators/opn/opn-simulator';", 'electron/shared/ is neutral'],
    ['electron/shared', "import { createLogger } from '../service/logging/logger';", 'never import the service'],
    ['electron/service/devices', "import { VirtualPrinter } from '../../simulators/printer/virtual-printer';", "Only the service's demo wiring"],
    ['electron/web', "import { openWindows } from '../main/windows';", 'entry point of its own'],
  ] as const)('the rooms inside electron/: %s rejects %s', async (folder, line, reason) => {
    const messages = await lintProbe(folder, `${line}\nexport const probe = 1;\n`);
    expect(messages.join('\n')).toContain(reason);
  });

  it('the service may name a simulator type; only its demo wiring may start one', async () => {
    const typeOnly = "import type { VirtualPrinter } from '../../simulators/printer/virtual-printer';\nexport type Probe = VirtualPrinter;\n";
    expect(await lintProbe('electron/service/devices', typeOnly)).toEqual([]);
    const value = "import { VirtualPrinter } from '../../simulators/printer/virtual-printer';\nexport const probe = VirtualPrinter;\n";
    expect(await lintProbe('electron/service/demo', value)).toEqual([]);
  });
});

describe('no import cycles, type-only ones included', () => {
  // A real module's text with one more import: the module it names already imports this one.
  const CURRENCY = join(REPO_ROOT, 'app/money/currency.ts');

  it('refuses an import that closes a cycle, and names the path', async () => {
    const source = `import type { Money } from './money';\nexport type Probe = Money;\n${readFileSync(CURRENCY, 'utf8')}`;
    const [result] = await eslint.lintText(source, { filePath: CURRENCY });
    const cycles = (result?.messages ?? []).filter((m) => m.ruleId === 'local/no-import-cycle').map((m) => m.message);
    expect(cycles).toEqual([expect.stringContaining('Import cycle: app/money/currency.ts → app/money/money.ts → app/money/currency.ts')]);
  });

  it('accepts the module as it is', async () => {
    const [result] = await eslint.lintText(readFileSync(CURRENCY, 'utf8'), { filePath: CURRENCY });
    expect((result?.messages ?? []).filter((m) => m.ruleId === 'local/no-import-cycle')).toEqual([]);
  });
});

describe('small files and functions (style.md), enforced by lint', () => {
  const sizeProblems = async (source: string): Promise<string[]> => {
    const [result] = await eslint.lintText(source, { filePath: join(REPO_ROOT, PROBE_PATHS.app) });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'max-lines' || m.ruleId === 'max-lines-per-function').map((m) => m.ruleId ?? '');
  };
  const statements = (n: number): string => Array.from({ length: n }, (_, i) => `  total += ${i};`).join('\n');

  it('refuses a function over 80 lines and a file over 300', async () => {
    expect(await sizeProblems(`export function probe(): number {\n  let total = 0;\n${statements(80)}\n  return total;\n}\n`)).toEqual(['max-lines-per-function']);
    const functions = Array.from({ length: 8 }, (_, f) => `export function probe${f}(): number {\n  let total = 0;\n${statements(35)}\n  return total;\n}`);
    expect(await sizeProblems(`${functions.join('\n')}\n`)).toEqual(['max-lines']);
  });

  it('accepts a function of 78 lines', async () => {
    expect(await sizeProblems(`export function probe(): number {\n  let total = 0;\n${statements(75)}\n  return total;\n}\n`)).toEqual([]);
  });
});
