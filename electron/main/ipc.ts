import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { COMMAND_NAMES, type ApiResult, type CommandName } from '../../app/ipc/contract';
import { displayEvent, displayResult } from '../../app/ipc/display-view';
import type { Logger } from '../service/logging/logger';
import type { ClientRole, ScreenSession, TerminalApi } from '../service/terminal/terminal-api';
import { commandChannel, eventChannel } from './ipc-channels';
import { isSamePage } from './page-url';
import { checkSender, type SenderFrameInfo } from './trusted-sender';

/** One of our windows as IPC sees it. The list is read on every message, since the display window can be replaced. */
export interface IpcWindow {
  readonly role: ClientRole;
  readonly webContents: WebContents;
  /** The app://terminal URL the window was loaded with (page-url.ts). */
  readonly pageUrl: string;
}

const forbidden: ApiResult<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This command is only answered for the terminal’s own cashier and display pages' },
};

/** A frame that was disposed throws on access; that sender is simply untrusted. */
function frameInfo(event: IpcMainInvokeEvent): SenderFrameInfo | null {
  try {
    const frame = event.senderFrame;
    return frame === null ? null : { url: frame.url, isMainFrame: frame.parent === null };
  } catch {
    return null;
  }
}

/**
 * The only place main touches ipcMain: one invoke handler per command, each checking the sender before
 * the service sees the message, and one push channel per event. Returns a function that undoes it all.
 */
export function registerIpc(api: TerminalApi, windows: () => readonly IpcWindow[], log: Logger): () => void {
  const live = () => windows().filter((w) => !w.webContents.isDestroyed());
  // Who is signed in on each window, by its web contents: a reloaded page keeps it, a new window starts afresh.
  const screens = new Map<number, ScreenSession>();
  const screenOf = (id: number): ScreenSession => {
    const known = screens.get(id);
    if (known !== undefined) return known;
    const screen: ScreenSession = { id: `window-${String(id)}`, operator: null, sessionToken: null };
    screens.set(id, screen);
    return screen;
  };

  const handle = (command: CommandName) => (event: IpcMainInvokeEvent, args: unknown): Promise<ApiResult<unknown>> => {
    const pages = live().map((w) => ({ role: w.role, webContentsId: w.webContents.id, pageUrl: w.pageUrl }));
    const frame = frameInfo(event);
    const check = checkSender(pages, event.sender.id, frame);
    if (!check.ok) {
      log.log('warn', 'ipc sender rejected', { command, reason: check.reason, url: frame?.url ?? null });
      return Promise.resolve(forbidden);
    }
    const answer = api.dispatch(command, args, check.role, screenOf(event.sender.id));
    // The customer display learns only what a customer display shows, over IPC as over the WebSocket.
    return check.role === 'display' ? answer.then((result) => displayResult(command, result)) : answer;
  };

  for (const command of COMMAND_NAMES) ipcMain.handle(commandChannel(command), handle(command));

  const unsubscribe = api.subscribe((event, payload) => {
    const forDisplay = displayEvent(event, payload);
    for (const w of live()) {
      const shown = w.role === 'display' ? forDisplay : payload;
      // State goes only to our own page; a window caught mid-navigation gets it after its snapshot.
      if (shown !== null && isSamePage(w.webContents.getURL(), w.pageUrl)) w.webContents.send(eventChannel(event), shown);
    }
  });

  return () => {
    unsubscribe();
    for (const command of COMMAND_NAMES) ipcMain.removeHandler(commandChannel(command));
  };
}
