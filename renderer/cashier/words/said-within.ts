import type { SaidFormat, SaidWordsFor } from './said';

/**
 * One `Said` carried inside another (the key storage inside a consent problem, a PIN refusal inside a
 * manager's refusal), worded from its own table. The table has a wording for each kind of `S`, each
 * taking that kind (SaidWordsFor); the lookup by `kind` cannot show that to the compiler.
 */
export function wordWithin<S extends { readonly kind: string }>(table: SaidWordsFor<S>, said: S, format: SaidFormat): string {
  const wording = table[said.kind as S['kind']] as (said: S, format: SaidFormat) => string;
  return wording(said, format);
}
