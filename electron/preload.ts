/**
 * Preload (sandboxed): exposes exactly one function to the page, `window.api.invoke`,
 * which forwards an operation name and its input to the main process over one channel.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL, type DesktopBridge } from './bridge';

const bridge: DesktopBridge = {
  invoke: (name, input) => ipcRenderer.invoke(API_CHANNEL, name, input),
  desktop: true,
};

contextBridge.exposeInMainWorld('api', bridge);
