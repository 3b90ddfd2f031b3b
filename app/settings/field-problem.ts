import type { z } from 'zod';
import type { Said } from '../i18n/said';

/*
 * A field problem's English sentence is what a schema reports (zod keeps only the text); the same
 * problem as a `Said` is remembered here by that text, so a refusal can carry both: `fields` for the
 * log and the POS API, `fieldsSaid` for the cashier's language. Problems are few and fixed, so the
 * table only grows while the schemas load.
 */
const SAID_BY_TEXT = new Map<string, Said>();

/** The schema's message for a problem, with the `Said` that words it on a screen. */
export function says(english: string, said: Said): string {
  SAID_BY_TEXT.set(english, said);
  return english;
}

/** Every sentence a schema says, with its `Said` (for the test that the two never drift apart). */
export function knownFieldProblems(): readonly (readonly [string, Said])[] {
  return [...SAID_BY_TEXT.entries()];
}

/** The `Said` of a schema's sentence, when it was given one. */
export const fieldSaid = (english: string): Said | undefined => SAID_BY_TEXT.get(english);

const NOT_A_SETTING: Said = { area: 'settings', kind: 'field_not_a_setting' };

/**
 * Each field's first problem as a `Said`, by the same dotted paths as `fieldProblems` (app/ipc/contract.ts);
 * a problem with no `Said` is left out, so the screen shows its English.
 */
export function fieldSaids(error: z.ZodError): Record<string, Said> {
  const saids: Record<string, Said> = {};
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
    for (const path of paths) {
      const where = path.map(String).join('.');
      if (seen.has(where)) continue;
      seen.add(where);
      const said = issue.code === 'unrecognized_keys' ? NOT_A_SETTING : fieldSaid(issue.message);
      if (said !== undefined) saids[where] = said;
    }
  }
  return saids;
}
