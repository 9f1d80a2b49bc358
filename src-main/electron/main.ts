// Electron main process: opens the desk, serves the local router over IPC and
// shows the window. Kept thin; everything below it is tested in browser mode.
// Security (DESIGN.md): context isolation, sandbox, no Node in the renderer,
// CSP, no navigation or new windows, every IPC sender checked.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  safeStorage,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
} from 'electron';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { IPC_STREAM_CANCEL, IPC_STREAM_CHUNK, IPC_STREAM_OPEN, IPC_TRPC_CHANNEL } from '../../src-shared/ipc';
import type { Desk } from '../desk/openDesk';
import { openHostedDesk } from '../host/openHostedDesk';
import type { SecretBox } from '../desk/session';
import { createLocalHandler } from '../desk/handler';
import { parseDeskOptions, DATA_DIR_ENV } from '../host/options';
import { StoreRefusedError } from '../store/openLocalStore';
import { createIpcRequestHandler, createIpcStreams, isTrustedSender } from './ipcHandler';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererIndex = join(here, '../renderer/index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;
let desk: Desk | null = null;

/** Session tokens sealed with the OS keychain; none persisted where only the plain-text backend exists. */
function safeStorageBox(): SecretBox | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}

async function boot(): Promise<void> {
  const argv = process.argv.slice(1);
  const hasDir = argv.some((a) => a.startsWith('--data-dir')) || !!process.env[DATA_DIR_ENV];
  let options;
  try {
    options = parseDeskOptions(argv);
  } catch (e) {
    // A bad flag (--central, --smtp-url, …): said plainly instead of a crash.
    dialog.showErrorBox('ROR-IKT Kundeservice', e instanceof Error ? e.message : String(e));
    app.exit(2);
    return;
  }
  const dataDir = hasDir ? options.dataDir : app.getPath('userData');
  try {
    ({ desk } = await openHostedDesk(dataDir, {
      centralUrl: options.centralUrl,
      smtp: options.smtp,
      ctiToken: options.ctiToken,
      secretBox: safeStorageBox(),
    }));
  } catch (e) {
    const message =
      e instanceof StoreRefusedError ? e.message : `Could not open the desk's data: ${String(e)}`;
    dialog.showErrorBox('ROR-IKT Kundeservice', message);
    app.exit(2);
    return;
  }
  const handler = createLocalHandler(desk);
  const handle = createIpcRequestHandler(handler);
  const streams = createIpcStreams(handler);
  const trusted = (event: IpcMainEvent | IpcMainInvokeEvent) => {
    if (!isTrustedSender(event.senderFrame?.url, rendererUrl)) throw new Error('IPC refused: unknown sender');
  };
  ipcMain.handle(IPC_TRPC_CHANNEL, (event, req: unknown) => {
    trusted(event);
    return handle(req);
  });
  ipcMain.handle(IPC_STREAM_OPEN, (event, id: unknown, req: unknown) => {
    trusted(event);
    const sender = event.sender;
    return streams.open(id, req, (chunk) => {
      if (!sender.isDestroyed()) sender.send(IPC_STREAM_CHUNK, id, chunk);
    });
  });
  ipcMain.on(IPC_STREAM_CANCEL, (event, id: unknown) => {
    trusted(event);
    streams.cancel(id);
  });

  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'ROR-IKT Kundeservice',
    webPreferences: {
      preload: join(here, '../preload/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('destroyed', () => streams.cancelAll());
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  await win.loadFile(rendererIndex);
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
});
app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => void desk?.close());
app.whenReady().then(boot, (e: unknown) => {
  console.error(e);
  app.exit(1);
});
