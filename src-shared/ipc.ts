// The shape of one tRPC HTTP exchange carried over Electron IPC. The renderer
// hands tRPC's fetch-based link a fetch that sends these through the preload
// bridge; main answers with the local router's fetch handler. Plain strings
// and arrays only, so they survive structured cloning unchanged.
export const IPC_TRPC_CHANNEL = 'desk:trpc';

export interface IpcHttpRequest {
  url: string;
  method: string;
  headers: Array<[string, string]>;
  body: string | null;
}

export interface IpcHttpResponse {
  status: number;
  headers: Array<[string, string]>;
  body: string;
}

/** What the preload script exposes on `window.deskBridge`. */
export interface DeskBridge {
  request(req: IpcHttpRequest): Promise<IpcHttpResponse>;
}
