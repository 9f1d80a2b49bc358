// The shape of tRPC's HTTP exchanges carried over Electron IPC. The renderer
// hands tRPC's fetch-based links a fetch that sends these through the preload
// bridge; main answers with the local router's fetch handler. Plain strings
// and arrays only, so they survive structured cloning unchanged.
//
// Two kinds: a request answered whole (queries, mutations), and a stream
// (a subscription's server-sent events): main answers with the status and
// headers, then sends the body's text chunk by chunk on IPC_STREAM_CHUNK
// until a final null; the renderer may cancel it at any time.
export const IPC_TRPC_CHANNEL = 'desk:trpc';
export const IPC_STREAM_OPEN = 'desk:stream-open';
export const IPC_STREAM_CHUNK = 'desk:stream-chunk';
export const IPC_STREAM_CANCEL = 'desk:stream-cancel';

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

/** A stream's answer before its body: the body follows in chunks. */
export type IpcStreamHead = Omit<IpcHttpResponse, 'body'>;

/** What the preload script exposes on `window.deskBridge`. */
export interface DeskBridge {
  request(req: IpcHttpRequest): Promise<IpcHttpResponse>;
  /**
   * Opens a streamed exchange: `onChunk` gets the body's text as it comes, then null at its end.
   * The id is the caller's, so it can cancel before the head arrives.
   */
  stream(id: string, req: IpcHttpRequest, onChunk: (chunk: string | null) => void): Promise<IpcStreamHead>;
  cancel(id: string): void;
}
