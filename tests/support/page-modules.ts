import { join, relative } from 'node:path';
import { build, type Plugin, type Rollup } from 'vite';
import { REPO_ROOT } from './paths';

/** What each page's scripts are made of, read from a real build of the pages held in memory (nothing is written). */
export interface PageModules {
  /** Repo-relative module ids (node_modules/… for packages) in the chunks each page loads, its own and shared. */
  readonly modules: Readonly<Record<'cashier' | 'display', ReadonlySet<string>>>;
  /** Who imports a module, by repo-relative id: to show how an unwanted one got in. */
  readonly importers: ReadonlyMap<string, readonly string[]>;
}

const toRepo = (id: string): string => {
  const rel = relative(REPO_ROOT, id);
  const inPackage = rel.lastIndexOf('node_modules/');
  return inPackage === -1 ? rel : rel.slice(inPackage);
};

/** The chunks a page's entry loads without waiting: itself and what it imports statically, transitively. */
function pageChunks(chunks: readonly Rollup.OutputChunk[], page: string): Rollup.OutputChunk[] {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const entry = chunks.find((c) => c.isEntry && c.facadeModuleId === join(REPO_ROOT, 'renderer', page, 'index.html'));
  if (entry === undefined) throw new Error(`the build has no entry for renderer/${page}/index.html`);
  const seen = new Map<string, Rollup.OutputChunk>();
  const visit = (chunk: Rollup.OutputChunk): void => {
    if (seen.has(chunk.fileName)) return;
    seen.set(chunk.fileName, chunk);
    for (const name of chunk.imports) {
      const next = byName.get(name);
      if (next !== undefined) visit(next);
    }
  };
  visit(entry);
  return [...seen.values()];
}

/** Builds both pages with the project's own Vite config, in memory, and lists each page's modules. */
export async function buildPageModules(): Promise<PageModules> {
  const importers = new Map<string, readonly string[]>();
  const graph: Plugin = {
    name: 'page-modules-graph',
    generateBundle() {
      for (const id of this.getModuleIds()) {
        const info = this.getModuleInfo(id);
        if (info !== null) importers.set(toRepo(id), info.importers.map(toRepo));
      }
    },
  };
  const output = await build({
    configFile: join(REPO_ROOT, 'build', 'vite.config.ts'),
    logLevel: 'silent',
    plugins: [graph],
    build: { write: false, emptyOutDir: false },
  });
  const results = Array.isArray(output) ? output : [output];
  const chunks = results.flatMap((r) => ('output' in r ? r.output : [])).filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
  const modulesOf = (page: string): ReadonlySet<string> => new Set(pageChunks(chunks, page).flatMap((c) => Object.keys(c.modules).map(toRepo)));
  return { modules: { cashier: modulesOf('cashier'), display: modulesOf('display') }, importers };
}

/** One way `id` is reached from a page's HTML, as "a ← b ← … ← renderer/…/index.html", for a failure to show. */
export function importChain(id: string, importers: ReadonlyMap<string, readonly string[]>): string {
  const chain = [id];
  const seen = new Set(chain);
  for (let at = id; ; ) {
    const up = (importers.get(at) ?? []).find((i) => !seen.has(i));
    if (up === undefined) return chain.join(' \u2190 ');
    chain.push(up);
    seen.add(up);
    at = up;
  }
}
