import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// This file lives in build/; every path is resolved from here so the build works from any cwd.
const fromHere = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  root: fromHere('../renderer'),
  // Relative asset URLs: the pages load from app://terminal/ in Electron and from /cashier/ and /display/ in web mode.
  base: './',
  publicDir: false,
  // No React plugin: Vite's built-in oxc transform compiles TSX with the automatic JSX runtime.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: fromHere('../dist/renderer'),
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        cashier: fromHere('../renderer/cashier/index.html'),
        display: fromHere('../renderer/display/index.html'),
      },
      // Code both pages use goes into two plainly named chunks (libraries, then ours); the rest stays with its page.
      output: {
        codeSplitting: {
          groups: [
            { name: 'vendor', test: /node_modules/, minShareCount: 2, priority: 2 },
            { name: 'shared', minShareCount: 2, priority: 1 },
          ],
        },
      },
    },
  },
});
