// `npm run openapi`: rewrites docs/pos-api.openapi.json from the POS API's zod schemas (app/pos-api/openapi.ts).
// tests/unit/pos-openapi.test.ts fails when the committed file differs from what this writes.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'openapi-'));
try {
  const outfile = join(folder, 'openapi.mjs');
  await build({ entryPoints: [join(root, 'app/pos-api/openapi.ts')], bundle: true, format: 'esm', platform: 'node', outfile, logLevel: 'error' });
  const { posOpenApi, openApiText } = await import(pathToFileURL(outfile).href);
  const file = join(root, 'docs/pos-api.openapi.json');
  writeFileSync(file, openApiText(posOpenApi()));
  console.log(`wrote ${file}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
