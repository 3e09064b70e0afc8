/**
 * Preload (sandboxed): exposes to the page `window.api.invoke`, which forwards an operation
 * name and its input to the main process over one channel; `onCommand`, which passes on the
 * menu's page commands (only names from a fixed list cross); `onExchangeFile`, which passes on a
 * file to import (a handle and a name, never a path); `chooseFile`, the open and save dialogs; and `reportUiState`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL, CHOOSE_FILE_CHANNEL, COMMAND_CHANNEL, EXCHANGE_FILE_CHANNEL, parseChosenFile, UI_STATE_CHANNEL, type DesktopBridge } from './bridge';
import { PAGE_COMMANDS, type PageCommand } from './menu';

const bridge: DesktopBridge = {
  invoke: (name, input) => ipcRenderer.invoke(API_CHANNEL, name, input),
  desktop: true,
  onCommand: (listener) => {
    ipcRenderer.on(COMMAND_CHANNEL, (_event, command: unknown) => {
      if ((PAGE_COMMANDS as readonly unknown[]).includes(command)) listener(command as PageCommand);
    });
  },
  onExchangeFile: (listener) => {
    ipcRenderer.on(EXCHANGE_FILE_CHANNEL, (_event, value: unknown) => {
      const chosen = parseChosenFile(value);
      if (chosen) listener(chosen);
    });
  },
  chooseFile: async (request) => parseChosenFile(await ipcRenderer.invoke(CHOOSE_FILE_CHANNEL, request)),
  reportUiState: (state) => ipcRenderer.send(UI_STATE_CHANNEL, { language: state.language, theme: state.theme }),
};

contextBridge.exposeInMainWorld('api', bridge);
