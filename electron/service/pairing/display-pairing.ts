import { randomBytes } from 'node:crypto';
import type { Said } from '../../../app/i18n/said';
import type { ApiError, ApiResult } from '../../../app/ipc/contract';
import type { SettingsProblem } from '../../../app/ipc/settings-schemas';
import type { PairedDisplays } from '../../../app/ipc/pairing-schemas';
import { ok, type Result } from '../../../app/util/result';
import { actorsOf, type AuditWriter } from '../journal/audit-writer';
import type { Logger } from '../logging/logger';
import type { CommandHandlers } from '../terminal/dispatcher';
import { createPairingRequests, DEFAULT_PAIRING_LIMITS, type PairingGrant, type PairingRequests, type PairingLimits, type PendingPairing, type PairingRefused } from './pairing-requests';
import { EMPTY_SCREEN_LINKS, loadScreenLinks, MAX_PAIRED_DISPLAYS, saveScreenLinks, screenLinksPath, type ScreenLinks } from './screen-links-file';
import { hashScreenToken, newScreenToken, SCREEN_TOKEN_SHAPE, tokenMatches } from './screen-tokens';

export type PairingCommand = 'listDisplays' | 'approveDisplay' | 'revokeDisplay';

/** A last-seen time is written at most this often per display, so a flapping tablet does not wear the disk. */
const LAST_SEEN_WRITE_MS = 60_000;

/**
 * Customer displays paired once, and the kiosk cashier link: what the web host checks tokens against,
 * and the cashier's commands to approve, list and revoke. Kept in `screen-links.json` in the data
 * folder (tokens hashed), so both survive a restart; in memory only where there is no data folder.
 */
export interface DisplayPairing {
  /** The web host is serving: displays can pair. The returned function says it stopped. */
  attachHost(): () => void;
  /** An unpaired display at `source` asks for a code (see pairing-requests.ts for the bounds). */
  request(source: string, deliver: (grant: PairingGrant) => boolean): Result<PendingPairing, PairingRefused>;
  /** The paired display this token belongs to, or null. */
  displayFor(token: string): string | null;
  /** Whether this token is the kiosk cashier link's. */
  isCashierLink(token: string): boolean;
  /**
   * The kiosk cashier link's token when one is made now (none kept yet, or `renew`), to be shown once;
   * null when one is already kept, or in memory mode (no data folder: the per-launch link only).
   */
  makeCashierLink(renew: boolean): string | null;
  /** A paired display connected; the returned function says it went away. */
  connected(displayId: string): () => void;
  /** Called with a display's id when it is revoked, so its open connections are closed. */
  onRevoked(listener: (displayId: string) => void): () => void;
  readonly commands: Pick<CommandHandlers, PairingCommand>;
  /** Why the saved links could not be read (in English, and as a `Said` where the service words it), or null. */
  readonly problem: SettingsProblem | null;
}

const refused = (code: ApiError['code'], message: string, said?: Said): ApiResult<never> => ({ ok: false, error: { code, message, ...(said === undefined ? {} : { said }) } });

export function createDisplayPairing(options: {
  readonly dataDir: string | null;
  readonly now: () => number;
  readonly log: Logger;
  readonly limits?: Partial<PairingLimits>;
  /** Pairing and unpairing go in the journal's audit, with who did it and the manager who approved. */
  readonly audit?: AuditWriter;
}): DisplayPairing {
  const { now, log } = options;
  const file = options.dataDir === null ? null : screenLinksPath(options.dataDir);
  const loaded = file === null ? ok(EMPTY_SCREEN_LINKS) : loadScreenLinks(file);
  let links: ScreenLinks = loaded.ok ? loaded.value : EMPTY_SCREEN_LINKS;
  const requests = createPairingRequests({ ...DEFAULT_PAIRING_LIMITS, ...options.limits }, now);
  const online = new Map<string, number>();
  const revokedListeners = new Set<(displayId: string) => void>();
  let hosts = 0;

  const save = (next: ScreenLinks): Result<void, string> => {
    const saved = file === null ? ok(undefined) : saveScreenLinks(file, next);
    if (saved.ok) links = next;
    return saved;
  };
  const view = (): PairedDisplays => ({
    displays: links.displays.map((d) => ({ id: d.id, name: d.name, pairedAt: d.pairedAt, lastSeenAt: d.lastSeenAt, connected: (online.get(d.id) ?? 0) > 0 })),
    canPair: hosts > 0,
    kept: file !== null,
  });
  const seen = (displayId: string): void => {
    const display = links.displays.find((d) => d.id === displayId);
    if (display === undefined || (display.lastSeenAt !== null && now() - display.lastSeenAt < LAST_SEEN_WRITE_MS)) return;
    const saved = save({ ...links, displays: links.displays.map((d) => (d === display ? { ...d, lastSeenAt: now() } : d)) });
    if (!saved.ok) log.log('warn', 'last-seen time of a display not saved', { error: saved.error });
  };

  const revoked = (displayId: string): void => {
    for (const listener of revokedListeners) listener(displayId);
  };
  const commands = pairingCommands({ links: () => links, save, view, requests, now, log, revoked, audit: options.audit ?? (() => undefined) });

  return {
    attachHost: () => {
      hosts += 1;
      return () => void (hosts -= 1);
    },
    request: (source, deliver) => requests.open(source, deliver),
    displayFor: (token) => (SCREEN_TOKEN_SHAPE.test(token) ? (links.displays.find((d) => tokenMatches(token, d.tokenHash))?.id ?? null) : null),
    isCashierLink: (token) => links.cashier !== null && SCREEN_TOKEN_SHAPE.test(token) && tokenMatches(token, links.cashier.tokenHash),
    makeCashierLink: (renew) => {
      if (file === null || (links.cashier !== null && !renew)) return null;
      const token = newScreenToken();
      const saved = save({ ...links, cashier: { tokenHash: hashScreenToken(token), createdAt: now() } });
      if (!saved.ok) {
        log.log('error', 'kiosk cashier link not saved', { error: saved.error });
        return null;
      }
      return token;
    },
    connected: (displayId) => {
      online.set(displayId, (online.get(displayId) ?? 0) + 1);
      seen(displayId);
      return () => {
        online.set(displayId, Math.max(0, (online.get(displayId) ?? 1) - 1));
        seen(displayId);
      };
    },
    onRevoked: (listener) => {
      revokedListeners.add(listener);
      return () => void revokedListeners.delete(listener);
    },
    commands,
    problem: loaded.ok ? null : loaded.error,
  };
}

/** What the pairing commands work on: the links in force and how to change them. */
interface PairingState {
  readonly links: () => ScreenLinks;
  readonly save: (next: ScreenLinks) => Result<void, string>;
  readonly view: () => PairedDisplays;
  readonly requests: PairingRequests;
  readonly now: () => number;
  readonly log: Logger;
  readonly revoked: (displayId: string) => void;
  readonly audit: AuditWriter;
}

/** The cashier's commands: list, approve a code (the display gets its token), revoke. */
function pairingCommands(state: PairingState): Pick<CommandHandlers, PairingCommand> {
  const { save, view, requests, now, log } = state;
  return {
    listDisplays: () => Promise.resolve({ ok: true, value: view() }),
    approveDisplay: (args, context) => {
      if (state.links().displays.length >= MAX_PAIRED_DISPLAYS) {
        const full = { area: 'devices', kind: 'displays_full', max: MAX_PAIRED_DISPLAYS } as const;
        return Promise.resolve(refused('invalid_state', `${String(MAX_PAIRED_DISPLAYS)} displays are paired already: unpair one first`, full));
      }
      const taken = requests.take(args.code);
      if (!taken.ok) return Promise.resolve(refused('invalid_args', taken.error.message, taken.error.said));
      const token = newScreenToken();
      const display = { id: randomBytes(9).toString('base64url'), name: args.name, tokenHash: hashScreenToken(token), pairedAt: now(), lastSeenAt: null };
      const saved = save({ ...state.links(), displays: [...state.links().displays, display] });
      if (!saved.ok) return Promise.resolve(refused('internal', `The display was not paired: ${saved.error}`, { area: 'devices', kind: 'display_not_saved', paired: true, reason: saved.error }));
      if (!taken.value.deliver({ token, name: display.name })) {
        // The display went away between showing the code and now: it never got its token, so nothing stays paired.
        save({ ...state.links(), displays: state.links().displays.filter((d) => d.id !== display.id) });
        const closed = { area: 'devices', kind: 'pairing_screen_closed' } as const;
        return Promise.resolve(refused('invalid_state', 'The display closed its pairing screen before it was paired: open it again and type the new code', closed));
      }
      log.log('info', 'customer display paired', { id: display.id, name: display.name });
      state.audit({ action: 'pair_display', ...actorsOf(context), detail: { id: display.id, name: display.name } });
      return Promise.resolve({ ok: true, value: view() });
    },
    revokeDisplay: (args, context) => {
      const gone = state.links().displays.find((d) => d.id === args.id);
      if (!state.links().displays.some((d) => d.id === args.id)) {
        return Promise.resolve(refused('not_found', 'That display is not paired (it may have been unpaired already)', { area: 'devices', kind: 'display_not_paired' }));
      }
      const saved = save({ ...state.links(), displays: state.links().displays.filter((d) => d.id !== args.id) });
      if (!saved.ok) return Promise.resolve(refused('internal', `The display was not unpaired: ${saved.error}`, { area: 'devices', kind: 'display_not_saved', paired: false, reason: saved.error }));
      log.log('info', 'customer display unpaired', { id: args.id });
      state.audit({ action: 'unpair_display', ...actorsOf(context), detail: { id: args.id, name: gone?.name ?? '' } });
      state.revoked(args.id);
      return Promise.resolve({ ok: true, value: view() });
    },
  };
}
