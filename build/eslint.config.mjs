// Lint for the whole repo. Its main job is the architecture: each folder may import only what the
// design brief allows, so a wrong import fails `npm test` instead of waiting for review.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { fileURLToPath } from 'node:url';
import { noImportCycle } from './eslint-rules/no-import-cycle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http', 'http2',
  'https', 'net', 'os', 'path', 'perf_hooks', 'process', 'querystring', 'readline', 'stream', 'timers', 'tls', 'tty', 'url',
  'util', 'v8', 'vm', 'worker_threads', 'zlib',
];

const noNode = { regex: '^node:', message: 'Node built-ins are not allowed here (see design/brief.md).' };
const noDeviceLibs = ['electron', 'ws', 'serialport'].map((name) => ({ name, message: `${name} is platform code; it is not allowed here.` }));
const noBareNode = NODE_BUILTINS.map((name) => ({ name, message: 'Node built-ins are not allowed here (see design/brief.md).' }));

const DOM_GLOBALS = ['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'fetch', 'XMLHttpRequest', 'WebSocket', 'HTMLElement', 'self'];
const HOST_GLOBALS = ['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'setTimeout', 'setInterval', 'setImmediate'];

const NO_RENDERER = { regex: '(^|/)renderer(/|$)', message: 'electron/ must not import from renderer/.' };
const NO_ENTRY_POINTS = { regex: '^(\\.\\./)+(main|web)(/|$)', message: 'electron/main/ and electron/web/ are entry points: nothing imports them.' };
const NO_SERVICE = { regex: '^(\\.\\./)+service(/|$)', message: 'electron/simulators/ and electron/devices/ never import the service: it uses them, not the other way round.' };
const SIMULATORS_TYPES_ONLY = {
  regex: '^(\\.\\./)+simulators(/|$)',
  allowTypeImports: true,
  message: "Only the service's demo wiring (electron/service/demo/) starts simulators; elsewhere in the service, import their types only.",
};

/** The import rule for one room of electron/: no Electron (services run in plain Node too), no renderer, plus the room's own. */
function electronRoom(files, ignores, patterns) {
  return {
    files,
    ignores,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Electron is imported only by electron/main* and the preload; services run in plain Node too.' }],
          patterns: [NO_RENDERER, ...patterns],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'tests/artifacts/**', 'build/**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // One import per module: types join the value import inline (the fix style above), never a second line.
      'no-duplicate-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports (style.md).' }],
    },
  },
  {
    files: ['app/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { local: { rules: { 'no-import-cycle': noImportCycle } } },
    rules: {
      'local/no-import-cycle': 'error',
      // Small and named (style.md): a file is one concern, a function reads on one screen.
      'max-lines': ['error', { max: 300 }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...noDeviceLibs,
            ...noBareNode,
            ...['react', 'react-dom', 'zustand', 'qrcode.react'].map((name) => ({ name, message: 'app/ is platform-free: no UI libraries.' })),
          ],
          patterns: [
            noNode,
            { regex: '^react(-dom)?/', message: 'app/ is platform-free: no UI libraries.' },
            { regex: '(^|/)(electron|renderer)(/|$)', message: 'app/ must not import from electron/ or renderer/.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[...DOM_GLOBALS, ...HOST_GLOBALS].map((name) => ({ name, message: `app/ is platform-free: inject ${name} instead.` })),
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...noDeviceLibs, ...noBareNode],
          patterns: [
            noNode,
            { group: ['**/electron/**'], message: 'renderer/ must not import from electron/; the PosApi type is in app/ipc/pos-api.ts.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...HOST_GLOBALS.slice(0, 5).map((name) => ({ name, message: `${name} is Node; the renderer has none.` }))],
    },
  },
  // Rooms inside electron/: main/ and web/ are the entry points nothing imports; shared/ is neutral;
  // simulators/ and devices/ never reach into the service; only the service's demo wiring starts simulators.
  electronRoom(['electron/service/**/*.ts'], ['electron/service/demo/**'], [NO_ENTRY_POINTS, SIMULATORS_TYPES_ONLY]),
  electronRoom(['electron/service/demo/**/*.ts'], [], [NO_ENTRY_POINTS]),
  electronRoom(['electron/simulators/**/*.ts', 'electron/devices/**/*.ts'], [], [NO_ENTRY_POINTS, NO_SERVICE]),
  electronRoom(['electron/shared/**/*.ts'], [], [NO_ENTRY_POINTS, NO_SERVICE, { regex: '^(\\.\\./)+(simulators|devices)(/|$)', message: 'electron/shared/ is neutral: it imports no simulator and no device.' }]),
  electronRoom(['electron/web/**/*.ts'], [], [{ regex: '^(\\.\\./)+main(/|$)', message: "electron/web/ is an entry point of its own: it does not import Electron's main/." }]),
  {
    files: ['electron/main.ts', 'electron/main/**/*.ts', 'electron/preload.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)renderer(/|$)', message: 'electron/ must not import from renderer/.' }] }],
    },
  },
  {
    files: ['tests/**/*.ts', 'build/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-syntax': 'off',
    },
  },
);
