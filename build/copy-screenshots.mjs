// Copies the screenshots the end-to-end suite took (tests/artifacts/screenshots, ignored) over the
// README's copies (tests/screenshots, committed). The suite itself never writes into the checkout.
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const from = join(root, 'tests', 'artifacts', 'screenshots');
const to = join(root, 'tests', 'screenshots');
if (!existsSync(from)) {
  console.error(`No screenshots in ${from}: run \`npm test\` (or \`npm run test:e2e\`) first.`);
  process.exit(1);
}
const shown = new Set(readdirSync(to).filter((name) => name.endsWith('.png')));
let copied = 0;
for (const name of readdirSync(from)) {
  if (!shown.has(name)) continue;
  copyFileSync(join(from, name), join(to, name));
  copied += 1;
}
console.log(`Copied ${copied} screenshots into ${to}; commit them with the change they show.`);
