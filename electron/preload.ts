/**
 * Preload (sandboxed): exposes to the page `window.api.invoke`, which forwards an operation
 * name and its input to the main process over one channel, and `onOpenReminders`, which
 * tells the page that the reminders notification was clicked (no data crosses).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL, OPEN_REMINDERS_CHANNEL, type DesktopBridge } from './bridge';

const bridge: DesktopBridge = {
  invoke: (name, input) => ipcRenderer.invoke(API_CHANNEL, name, input),
  desktop: true,
  onOpenReminders: (listener) => {
    ipcRenderer.on(OPEN_REMINDERS_CHANNEL, () => listener());
  },
};

contextBridge.exposeInMainWorld('api', bridge);
