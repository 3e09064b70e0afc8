/** Picks the transport once: window.api in Electron, HTTP in the browser mode. */
import type { Envelope } from '@db/api';
import type { DesktopBridge } from '@electron/bridge';
import { createClient, type Transport } from './client';
import { refreshingClient } from './cache';

declare global {
  interface Window {
    api?: DesktopBridge;
  }
}

const httpTransport: Transport = async (name, input) => {
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return {
      ok: false,
      error: {
        code: 'internal',
        message: {
          zh: '无法连接到本机的伙伴关系管理服务。请确认 serve 命令仍在运行，然后重试。',
          en: 'Cannot reach the local Partnership Tracker server. Check that the serve command is still running, then try again.',
        },
      },
    };
  }
  if (response.status === 403) {
    return {
      ok: false,
      error: {
        code: 'forbidden',
        message: {
          zh: '访问被拒绝：请使用 serve 命令打印的完整地址（含令牌）打开本页。',
          en: 'Access refused: open this page with the full address the serve command printed, token included.',
        },
      },
    };
  }
  return (await response.json()) as Envelope<unknown>;
};

const desktopTransport: Transport = (name, input) => window.api!.invoke(name, input);

export const isDesktop = typeof window !== 'undefined' && !!window.api?.desktop;
/** Every successful write refreshes the cached reads it affects (api/cache.ts). */
export const api = refreshingClient(createClient(isDesktop ? desktopTransport : httpTransport));
export { ApiError } from './client';
