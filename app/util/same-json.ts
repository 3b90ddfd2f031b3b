/**
 * Whether two JSON-shaped values are equal whatever order their objects' keys are in. A value read
 * back through a zod schema comes with its keys in the schema's order, not the order it was built in,
 * so comparing `JSON.stringify` of each says "changed" when nothing did.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : inner,
  );
}
