import type { Money } from '../../money/money';

/**
 * What the service says about the settings: saving them, checking them, keeping keys (see ../said.ts).
 */
export type SettingsSaid =
  /** A save while a sale is going: nothing was saved. */
  { readonly area: 'settings'; readonly kind: 'sale_in_progress'; readonly amount: Money };
