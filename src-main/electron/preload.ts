// The only bridge between the sandboxed renderer and main: it carries tRPC's
// HTTP exchanges over IPC, whole (queries, mutations) or streamed
// (subscriptions). Nothing of Node or Electron leaks out.
import { contextBridge, ipcRenderer } from 'electron';
import {
  IPC_STREAM_CANCEL,
  IPC_STREAM_CHUNK,
  IPC_STREAM_OPEN,
  IPC_TRPC_CHANNEL,
  type DeskBridge,
  type IpcHttpRequest,
  type IpcHttpResponse,
  type IpcStreamHead,
} from '../../src-shared/ipc';

const streams = new Map<string, (chunk: string | null) => void>();
ipcRenderer.on(IPC_STREAM_CHUNK, (_event, id: string, chunk: string | null) => {
  streams.get(id)?.(chunk);
  if (chunk === null) streams.delete(id);
});

const bridge: DeskBridge = {
  request: (req: IpcHttpRequest) => ipcRenderer.invoke(IPC_TRPC_CHANNEL, req) as Promise<IpcHttpResponse>,
  stream(id, req, onChunk) {
    streams.set(id, onChunk);
    return ipcRenderer.invoke(IPC_STREAM_OPEN, id, req) as Promise<IpcStreamHead>;
  },
  cancel(id) {
    streams.delete(id);
    ipcRenderer.send(IPC_STREAM_CANCEL, id);
  },
};
contextBridge.exposeInMainWorld('deskBridge', bridge);
