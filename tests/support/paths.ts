import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const PAGES_DIR = join(REPO_ROOT, 'dist', 'renderer');
export const SERVE_SCRIPT = join(REPO_ROOT, 'dist', 'web', 'serve.cjs');
/**
 * Where the suite writes its screenshots: an ignored folder, so `npm test` leaves the checkout clean.
 * `npm run screenshots` copies the ones the README shows into tests/screenshots.
 */
export const SCREENSHOT_DIR = join(REPO_ROOT, 'tests', 'artifacts', 'screenshots');
