import type { StateCreator, StoreApi } from 'zustand';
import type { ApiError, ApiResult, CommandArgs } from '../../../app/ipc/contract';
import type { ConnectionCheck, ProviderId, SaveSettingsArgs, SettingsForm, SettingsView } from '../../../app/ipc/settings-schemas';
import type { Told } from '../shared/told';

/** Problems by field path ("merchant.name"), as main refused a save: each worded when shown, in the cashier's language. */
export type SettingsErrors = Readonly<Record<string, Told>>;
/** A key being typed (not yet saved), or a request to remove the stored one. */
export type KeyEdit = { readonly kind: 'keep' } | { readonly kind: 'set'; readonly value: string } | { readonly kind: 'clear' };
export type KeyEdits = Readonly<Record<ProviderId, KeyEdit>>;
/** What "Test connection" answered: the terminal's check, or its refusal (a manager's PIN needed, say). */
export interface ConnectionAnswer extends Told {
  readonly provider: ProviderId;
  readonly ok: boolean;
}
/** A provider's "Test connection": under way, or what the provider answered. */
export type ConnectionState = ConnectionAnswer | 'checking';
/**
 * What the last save said, put in words only when shown (settings-words.ts), so it reads in the
 * cashier's language, the one the save may just have changed: saved (and where), or refused.
 */
export type SaveAnswer = { readonly kind: 'saved'; readonly savedIn: string | null } | { readonly kind: 'refused'; readonly error: ApiError };

/**
 * The Settings screen's data: the settings in force, the form as edited, keys typed, and what the last
 * save and connection tests said. Filled only by the settings actions below; the sections read it.
 */
export interface SettingsSlice {
  /** The settings in force as main last sent them; null until they arrive. */
  readonly settingsView: SettingsView | null;
  /** The form as edited; null until the settings arrive. */
  readonly settingsDraft: SettingsForm | null;
  /** Why the settings could not be read. */
  readonly settingsLoadError: string | null;
  readonly settingsErrors: SettingsErrors;
  readonly settingsAnswer: SaveAnswer | null;
  readonly settingsSaving: boolean;
  readonly settingsKeys: KeyEdits;
  /** The person agreed to keep a typed key where it is only weakly protected. */
  readonly settingsConsent: boolean;
  readonly settingsChecks: Readonly<Partial<Record<ProviderId, ConnectionState>>>;
  /** Bumped each time the screen opens or closes: answers to an earlier opening are dropped. */
  readonly settingsSession: number;
  /** Back to an empty screen, as when it opens. */
  readonly resetSettings: () => void;
  /** Shows the settings in force, and the form as they are. */
  readonly adoptSettings: (view: SettingsView) => void;
  readonly setSettingsLoadError: (message: string) => void;
  /** Any change makes the last "Saved" stale, so it goes. */
  readonly editSettings: <K extends keyof SettingsForm>(section: K, value: SettingsForm[K]) => void;
  /** A key typed or removed: the last answer and that provider's test no longer apply. */
  readonly editKey: (provider: ProviderId, edit: KeyEdit) => void;
  readonly setSettingsConsent: (consent: boolean) => void;
  /** A save is on its way: the last answer goes. */
  readonly startSave: () => void;
  /** A save's answer: saved (the keys typed are done with), refused (problems at their fields), or null when the cashier went back. */
  readonly receiveSave: (result: ApiResult<SettingsView> | null) => void;
  readonly setConnectionCheck: (provider: ProviderId, check: ConnectionState | undefined) => void;
}

/** Each field's problem as main told it: its English, and its `Said` where main sent one. */
export function toldAtFields(error: ApiError): SettingsErrors {
  const saids = error.fieldsSaid ?? {};
  return Object.fromEntries(Object.entries(error.fields ?? {}).map(([path, message]) => [path, told({ message, said: saids[path] })]));
}

/** Only the sentence and its `Said` (an error carries more). */
const told = ({ message, said }: Told): Told => (said === undefined ? { message } : { message, said });

const keepKeys = (): KeyEdits => ({ opn: { kind: 'keep' }, orangepill: { kind: 'keep' } });
const empty = () =>
  ({
    settingsView: null,
    settingsDraft: null,
    settingsLoadError: null,
    settingsErrors: {},
    settingsAnswer: null,
    settingsSaving: false,
    settingsKeys: keepKeys(),
    settingsConsent: false,
    settingsChecks: {},
  }) as const;

export const createSettingsSlice: StateCreator<SettingsSlice, [], [], SettingsSlice> = (set, get) => ({
  ...empty(),
  settingsSession: 0,
  resetSettings: () => set((s) => ({ ...empty(), settingsSession: s.settingsSession + 1 })),
  adoptSettings: (view) => set({ settingsView: view, settingsDraft: view.values }),
  setSettingsLoadError: (settingsLoadError) => set({ settingsLoadError }),
  editSettings: (section, value) => {
    const draft = get().settingsDraft;
    if (draft !== null) set({ settingsDraft: { ...draft, [section]: value }, settingsAnswer: null });
  },
  editKey: (provider, edit) =>
    set((s) => ({ settingsKeys: { ...s.settingsKeys, [provider]: edit }, settingsAnswer: null, settingsChecks: { ...s.settingsChecks, [provider]: undefined } })),
  setSettingsConsent: (settingsConsent) => set({ settingsConsent }),
  startSave: () => set({ settingsSaving: true, settingsAnswer: null }),
  receiveSave: (result) => {
    if (result === null) return set({ settingsSaving: false });
    if (!result.ok) {
      return set({ settingsSaving: false, settingsErrors: toldAtFields(result.error), settingsAnswer: { kind: 'refused', error: result.error } });
    }
    const view = result.value;
    set({ settingsSaving: false, settingsView: view, settingsDraft: view.values, settingsErrors: {}, settingsKeys: keepKeys(), settingsConsent: false, settingsAnswer: { kind: 'saved', savedIn: view.savedIn } });
  },
  setConnectionCheck: (provider, check) => set((s) => ({ settingsChecks: { ...s.settingsChecks, [provider]: check } })),
});

/** Settings as the screen calls them: saving and testing go through a manager's approval where main asks; null when the cashier went back. */
export interface SettingsApi {
  readonly getSettings: () => Promise<ApiResult<SettingsView>>;
  readonly saveSettings: (args: SaveSettingsArgs) => Promise<ApiResult<SettingsView> | null>;
  readonly testConnection: (args: CommandArgs<'testConnection'>) => Promise<ApiResult<ConnectionCheck> | null>;
}

const credential = (edit: KeyEdit): string | null | undefined => (edit.kind === 'keep' ? undefined : edit.kind === 'set' ? edit.value : null);
export const typingKey = (keys: KeyEdits): boolean => keys.opn.kind === 'set' || keys.orangepill.kind === 'set';

/** What a save sends: the form with empty address lines left out, keys only when typed or removed, consent only with a key typed. */
export function saveArgs(draft: SettingsForm, keys: KeyEdits, consent: boolean): SaveSettingsArgs {
  const opnKey = credential(keys.opn);
  const opKey = credential(keys.orangepill);
  return {
    ...draft,
    merchant: { ...draft.merchant, addressLines: draft.merchant.addressLines.filter((line) => line.trim() !== '') },
    ...(opnKey === undefined && opKey === undefined
      ? {}
      : { credentials: { ...(opnKey === undefined ? {} : { opnSecretKey: opnKey }), ...(opKey === undefined ? {} : { orangepillApiKey: opKey }) } }),
    ...(typingKey(keys) ? { keyStorageConsent: consent } : {}),
  };
}

/** What the Settings screen's controls do: each calls the API and puts the answer in the store. */
export function createSettingsActions(api: SettingsApi, store: StoreApi<SettingsSlice>) {
  const state = () => store.getState();
  const stillAsking = (session: number): boolean => state().settingsSession === session;

  return {
    /** The screen opens empty and reads the settings in force. */
    open: async (): Promise<void> => {
      state().resetSettings();
      const session = state().settingsSession;
      const result = await api.getSettings();
      if (!stillAsking(session)) return;
      if (result.ok) state().adoptSettings(result.value);
      else state().setSettingsLoadError(result.error.message);
    },
    /** The screen closes: whatever is still on its way is dropped. */
    close: (): void => state().resetSettings(),
    /** Saves the form; main restarts the terminal with it, or refuses with a problem at each field. */
    save: async (): Promise<void> => {
      const { settingsDraft: draft, settingsKeys: keys, settingsConsent: consent, settingsSession: session } = state();
      if (draft === null) return;
      state().startSave();
      const result = await api.saveSettings(saveArgs(draft, keys, consent));
      if (stillAsking(session)) state().receiveSave(result);
    },
    /** Asks the provider about the key typed (else the one in force) at the base URL in the form (else the one in force). */
    testConnection: async (provider: ProviderId): Promise<void> => {
      const { settingsDraft: draft, settingsKeys: keys, settingsSession: session } = state();
      if (draft === null) return;
      state().setConnectionCheck(provider, 'checking');
      const typed = keys[provider];
      const baseUrl = draft.providers[provider].baseUrl;
      const result = await api.testConnection({ provider, ...(typed.kind === 'set' ? { key: typed.value } : {}), ...(baseUrl.trim() === '' ? {} : { baseUrl }) });
      if (!stillAsking(session)) return;
      state().setConnectionCheck(provider, result === null ? undefined : result.ok ? result.value : { provider, ok: false, ...told(result.error) });
    },
  };
}

export type SettingsActions = ReturnType<typeof createSettingsActions>;
