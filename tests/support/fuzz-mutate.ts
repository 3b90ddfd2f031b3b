import type { Rng } from '../faults/prng';

/** How a fuzz test mutates its JSON: how often it goes deeper, and what it puts in. */
export interface TreeMutation {
  /** The chance of stepping into an object or array met on the way, rather than changing it. */
  readonly descend: number;
  /** A value to put in place of a leaf, or under a new key. */
  readonly value: (rng: Rng) => unknown;
  /** A key to add. */
  readonly key: (rng: Rng) => string;
}

/**
 * A copy of `template` with one to three of its leaves, keys or containers replaced, dropped or added
 * (the seeded fuzz tests of the web host and of the POS API share it, so a seed replays the same way).
 */
export function mutateTree(rng: Rng, template: unknown, how: TreeMutation): unknown {
  const copy = structuredClone(template) as Record<string, unknown>;
  for (let i = rng.int(1, 3); i > 0; i--) {
    let node: Record<string, unknown> = copy;
    for (;;) {
      const keys = Object.keys(node);
      if (keys.length === 0) break;
      const key = rng.pick(keys);
      const child = node[key];
      if (typeof child === 'object' && child !== null && rng.chance(how.descend)) {
        node = child as Record<string, unknown>;
        continue;
      }
      const action = rng.int(0, 2);
      if (action === 0) node[key] = how.value(rng);
      else if (action === 1) delete node[key];
      else {
        const added = how.key(rng);
        node[added] = how.value(rng);
      }
      break;
    }
  }
  return copy;
}
