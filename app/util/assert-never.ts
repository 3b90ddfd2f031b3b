/** Put in the default branch of every switch over a union, so a new member breaks the build there. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
