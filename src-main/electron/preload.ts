// The only bridge between the sandboxed renderer and main: one function that
// carries a tRPC HTTP exchange over IPC. Nothing of Node or Electron leaks out.
import { contextBridge, ipcRenderer } from 'electron';
import {
  IPC_TRPC_CHANNEL,
  type DeskBridge,
  type IpcHttpRequest,
  type IpcHttpResponse,
} from '../../src-shared/ipc';

const bridge: DeskBridge = {
  request: (req: IpcHttpRequest) => ipcRenderer.invoke(IPC_TRPC_CHANNEL, req) as Promise<IpcHttpResponse>,
};
contextBridge.exposeInMainWorld('deskBridge', bridge);
