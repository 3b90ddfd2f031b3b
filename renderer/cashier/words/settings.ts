/** The cashier's words for this part of the screen; every language's copy has this type, so a missing one fails the build. */
export interface SettingsWords {
  readonly title: string;
  readonly loading: string;
  readonly save: string;
  readonly saving: string;
  readonly close: string;
  readonly advanced: string;
  /** What a save said, above the form. */
  readonly answers: {
    readonly saved: string;
    readonly savedForThisRun: string;
    /** Folded under Details: the settings file, for a technician. */
    readonly savedIn: (file: string) => string;
    /** Nothing saved: `count` fields to correct, each shown at its field. */
    readonly refused: (count: number) => string;
  };
  readonly shop: {
    readonly legend: string;
    readonly name: string;
    readonly nameHint: string;
    readonly logoText: string;
    readonly logoTextHint: string;
    /** `line` counts from 1. */
    readonly addressLine: (line: string) => string;
    readonly addressHint: string;
  };
  readonly payments: {
    readonly legend: string;
    readonly qrExpiry: string;
    readonly expiryRange: string;
    /** The expiry in minutes (already formatted), then the range. */
    readonly expiryMinutes: (minutes: string) => string;
    readonly entry: string;
    readonly entryCents: string;
    readonly entryDecimal: string;
    readonly entryCentsHint: string;
    readonly entryDecimalHint: string;
  };
  readonly display: {
    readonly legend: string;
    readonly language: string;
    readonly secondLanguage: string;
    readonly noSecondLanguage: string;
    readonly monitor: string;
    readonly firstOtherMonitor: string;
    /** After the cashier's own monitor's name, with any space it needs. */
    readonly cashiersMonitor: string;
    /** Web mode: the text before and after the display's address (`/display/`). */
    readonly webBefore: string;
    readonly webAfter: string;
  };
  readonly cashierScreen: {
    readonly legend: string;
    readonly sounds: string;
    readonly openAtLogin: string;
    readonly language: string;
  };
  readonly providers: {
    readonly opnLegend: string;
    readonly orangepillLegend: string;
    readonly secretKey: string;
    readonly apiKey: string;
    readonly testConnection: string;
    readonly asking: string;
    readonly baseUrl: string;
    readonly apiVersion: string;
    readonly opnBaseUrlHint: string;
    readonly orangepillBaseUrlHint: string;
    readonly alias: string;
    readonly aliasPlaceholder: string;
    readonly aliasHint: string;
    readonly store: string;
    readonly storeHint: string;
    readonly callbackUrl: string;
    readonly callbackUrlHint: string;
    readonly merchant: string;
  };
  readonly keys: {
    /** Before a key's status: the key's name and its separator. */
    readonly statusLabel: (label: string) => string;
    readonly notSet: string;
    /** `variable` may be empty when the environment did not say which. */
    readonly setByEnvironment: (variable: string) => string;
    readonly setInFile: string;
    readonly setOnTerminal: string;
    readonly willBeRemoved: string;
    /** The box for a key that replaces the one set; `label` is the key's name. */
    readonly newKey: (label: string) => string;
    readonly keepPlaceholder: string;
    readonly remove: string;
    /** Where keys are kept, as the terminal's service describes it. */
    readonly storage: (description: string) => string;
    readonly consent: string;
  };
  /** The POS API's keys, one per till (docs/pos-api.md). */
  readonly posKeys: {
    readonly legend: string;
    readonly intro: string;
    readonly noneYet: string;
    readonly name: string;
    readonly namePlaceholder: string;
    readonly scopes: { readonly charge: string; readonly refund: string; readonly read: string };
    readonly create: string;
    /** Shown once, beside the new key. */
    readonly keyOnce: (name: string) => string;
    readonly createdAt: (when: string) => string;
    readonly revokedAt: (when: string) => string;
    readonly revoke: string;
    readonly revokeName: (name: string) => string;
    readonly revoked: (name: string) => string;
  };
  /** The POS API's listener, its refund rule, and the LAN certificate the tills pin. */
  readonly posApi: {
    readonly legend: string;
    readonly enabled: string;
    readonly port: string;
    readonly portHint: string;
    readonly bind: string;
    readonly loopback: string;
    readonly lan: string;
    readonly lanHint: string;
    readonly allowRefunds: string;
    readonly listening: (url: string) => string;
    readonly off: string;
    readonly fingerprint: string;
    readonly pin: string;
    readonly pinHint: string;
    readonly validTo: (when: string) => string;
    readonly copy: string;
    readonly copied: string;
    readonly created: string;
    readonly regenerated: string;
    readonly replaced: (reason: string) => string;
    readonly newCertificate: string;
    readonly confirmNew: string;
    readonly confirmYes: string;
    readonly confirmNo: string;
  };
}
