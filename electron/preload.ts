import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createPosApi, type ApiTransport } from '../app/ipc/pos-api';
import type { ApiResult } from '../app/ipc/contract';
import { commandChannel, eventChannel } from './main/ipc-channels';

/** Electron's transport under the screens' API: one invoke channel per command, one channel per event. */
const ipcTransport: ApiTransport = {
  invoke: (command, args) => ipcRenderer.invoke(commandChannel(command), args) as Promise<ApiResult<unknown>>,
  subscribe: (event, listener) => {
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(eventChannel(event), handler);
    return () => void ipcRenderer.removeListener(eventChannel(event), handler);
  },
};

// The renderer's type for this object is PosApi in app/ipc/pos-api.ts, derived from the same factory.
contextBridge.exposeInMainWorld('pos', createPosApi(ipcTransport));
