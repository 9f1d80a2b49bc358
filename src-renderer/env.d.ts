/// <reference types="vite/client" />
import type { DeskBridge } from '../src-shared/ipc';

declare global {
  interface Window {
    /** Present only inside Electron (exposed by the preload script). */
    deskBridge?: DeskBridge;
  }
}
