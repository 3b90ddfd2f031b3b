import { z } from 'zod';
import type { Said } from '../i18n/said';
import type { ConnectionSaid, KeyStorageSaid } from '../i18n/said/settings';
import {
  customerDisplayFields,
  httpUrl,
  providerBaseUrl,
  languageFields,
  merchantFields,
  omiseVersion,
  opnSecretKey,
  orangepillAlias,
  orangepillApiKey,
  orangepillLabel,
  paymentEntry,
  posApiFields,
  qrExpirySeconds,
  soundFields,
  startupFields,
} from '../settings/settings';

/**
 * The settings screen's commands (spread into `commandSchemas`). The sections mirror the settings
 * file, so an error's path ("merchant.name") is the same on the screen, in the file and in the README.
 * A section left out is left as it is; keys are write-only: a string sets one, null removes it.
 */

export const PROVIDER_IDS = ['opn', 'orangepill'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

const providerFields = z.strictObject({
  opn: z.strictObject({ baseUrl: providerBaseUrl, omiseVersion }),
  orangepill: z.strictObject({
    baseUrl: providerBaseUrl,
    merchantAlias: orangepillAlias.nullable(),
    store: orangepillLabel.nullable(),
    merchant: orangepillLabel.nullable(),
    callbackUrl: httpUrl.nullable(),
  }),
});

/** Everything the settings screen edits, as it is sent and shown (never a key). */
export const settingsFormSchema = z.strictObject({
  merchant: merchantFields,
  // A screen file saved before `entry` existed still reads; its sales key as they did (cents).
  payment: z.strictObject({ qrExpirySeconds, entry: paymentEntry.default('cents') }),
  language: languageFields,
  sounds: soundFields,
  customerDisplay: customerDisplayFields,
  startup: startupFields,
  providers: providerFields,
  /** The POS API's listener and refund rule; its address is the settings file's alone. */
  posApi: posApiFields.omit({ address: true }),
});

export type SettingsForm = z.infer<typeof settingsFormSchema>;
export const SETTINGS_SECTIONS = Object.keys(settingsFormSchema.shape) as readonly (keyof SettingsForm)[];

export const settingsSchemas = {
  /** The settings in force, each key only as set or not set, and what the screen may change. */
  getSettings: z.strictObject({}),
  /**
   * Checks, saves and applies settings. The terminal restarts its providers and devices with them,
   * so it refuses while a sale is in progress.
   */
  saveSettings: z.strictObject({
    merchant: settingsFormSchema.shape.merchant.optional(),
    payment: settingsFormSchema.shape.payment.optional(),
    language: settingsFormSchema.shape.language.optional(),
    sounds: settingsFormSchema.shape.sounds.optional(),
    customerDisplay: settingsFormSchema.shape.customerDisplay.optional(),
    startup: settingsFormSchema.shape.startup.optional(),
    providers: settingsFormSchema.shape.providers.optional(),
    posApi: settingsFormSchema.shape.posApi.optional(),
    credentials: z
      .strictObject({
        opnSecretKey: opnSecretKey.nullable().optional(),
        orangepillApiKey: orangepillApiKey.nullable().optional(),
      })
      .optional(),
    /** The person's agreement to keep keys where they are only weakly protected (see keyStorage.needsConsent). */
    keyStorageConsent: z.boolean().optional(),
  }),
  /**
   * Asks the provider whether it accepts the key, with a read-only request: the key typed (not yet
   * saved) or else the one in force, at the base URL given or else the one in force.
   */
  testConnection: z.strictObject({
    provider: z.enum(PROVIDER_IDS, { error: `must be one of ${PROVIDER_IDS.join(', ')}` }),
    key: z.string().trim().min(1, { error: 'must not be empty' }).max(512).optional(),
    baseUrl: providerBaseUrl.optional(),
  }),
} as const;

export type SaveSettingsArgs = z.infer<typeof settingsSchemas.saveSettings>;

/** Where a key in force came from; a key set by the environment cannot be changed on the screen. */
export type KeySource = 'environment' | 'settings file' | 'this terminal';

export interface KeyState {
  readonly set: boolean;
  readonly source: KeySource | null;
}

/** A monitor the customer display can go to (Electron only). */
export interface MonitorChoice {
  readonly id: number;
  readonly label: string;
  readonly primary: boolean;
}

export interface SettingsView {
  readonly values: SettingsForm;
  readonly keys: { readonly opn: KeyState; readonly orangepill: KeyState };
  /** Fields the environment sets ("providers.opn.baseUrl" → "OPN_BASE_URL"): shown, not editable. */
  readonly locked: Readonly<Record<string, string>>;
  readonly keyStorage: {
    readonly description: string;
    /** True when keeping a key needs the person's explicit agreement, because the protection is weak. */
    readonly needsConsent: boolean;
    /** The description as a `Said`, for the cashier's language. */
    readonly said?: KeyStorageSaid;
  };
  /** The file the screen's changes are saved in, or null when they last for this run only. */
  readonly savedIn: string | null;
  /** The monitors to choose from, or null in web mode (the display is whatever screen opens its link). */
  readonly monitors: readonly MonitorChoice[] | null;
  /** A problem with what was saved before (a damaged file), shown until settings are saved again: every problem's English, joined. */
  readonly problem: string | null;
  /** The same problems one by one, each with its `Said` where the service words it, for the screen's language. */
  readonly problems?: readonly SettingsProblem[];
}

/** One problem with what was saved before: its English sentence, and the same as a `Said` where the service has one. */
export interface SettingsProblem {
  readonly message: string;
  readonly said?: Said;
}

export interface ConnectionCheck {
  readonly provider: ProviderId;
  readonly ok: boolean;
  /** One sentence: "Opn Payments accepted the key at https://api.omise.co". */
  readonly message: string;
  /** The same answer as a `Said`, for the cashier's language. */
  readonly said?: ConnectionSaid;
}

export interface SettingsResults {
  readonly getSettings: SettingsView;
  readonly saveSettings: SettingsView;
  readonly testConnection: ConnectionCheck;
}
