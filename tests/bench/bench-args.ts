/** What `npm run bench -- …` was asked: `--quick`, and `--only <part>` to run one part's rows alone. */
export interface BenchArgs {
  readonly quick: boolean;
  /** The part to run alone, or null for the whole bench. */
  readonly only: string | null;
}

/** Reads the arguments; an `--only` without a value or with a part not in `parts` is refused with a sentence naming the parts. */
export function parseBenchArgs(argv: readonly string[], parts: readonly string[]): BenchArgs {
  const quick = argv.includes('--quick');
  const at = argv.indexOf('--only');
  if (at === -1) return { quick, only: null };
  const part = argv[at + 1];
  if (part === undefined || !parts.includes(part)) {
    const got = part === undefined ? 'nothing' : `"${part.slice(0, 40)}"`;
    throw new Error(`--only takes one of: ${parts.join(', ')} (got ${got})`);
  }
  return { quick, only: part };
}
