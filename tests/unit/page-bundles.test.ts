import { beforeAll, describe, expect, it } from 'vitest';
import { buildPageModules, importChain, type PageModules } from '../support/page-modules';

/**
 * The pages' scripts carry no zod. Its schemas check what enters the terminal's service (settings,
 * provider answers, the journal, the POS API); the pages read only what the service sends, already
 * checked. A value import from a module that builds a schema (app/ipc/*-schemas.ts, the providers'
 * *-api.ts, app/settings/device-settings.ts, app/i18n/said/payment-schema.ts, …) pulls all of zod into
 * the page: 28.9 KB of the cashier page's 196.7 KB gzipped when it happened. Light modules beside them
 * (device-setting-problems.ts, staff-warning.ts, opn-failures.ts, demo-method.ts, …) hold what a page needs.
 */
let pages: PageModules;

beforeAll(async () => {
  pages = await buildPageModules();
});

describe('the pages bundle', () => {
  it.each(['cashier', 'display'] as const)('the %s page has no zod in it', (page) => {
    const modules = [...pages.modules[page]];
    // The build itself is read: a page with no modules would pass for the wrong reason.
    expect(modules).toContain(`renderer/${page}/main.tsx`);
    const isZod = (id: string): boolean => id.startsWith('node_modules/zod/');
    // Where our code steps into zod, and how the page reaches that module: what to change.
    const zodIds = [...pages.importers.keys()].filter(isZod);
    const doors = new Set(zodIds.flatMap((id) => (pages.importers.get(id) ?? []).filter((by) => !isZod(by) && pages.modules[page].has(by))));
    const ways = [...doors].map((door) => importChain(door, pages.importers));
    expect(ways, `zod reached the ${page} page: import what it needs from a light module, or with \`import type\``).toEqual([]);
    expect(modules.filter(isZod)).toEqual([]);
  });
});
