/**
 * The desktop shell's security policy as pure functions: no `electron` import, so they are
 * unit-tested in Node. main.ts applies them.
 */

/**
 * `npm run dev`: the environment variable that carries the dev server's script nonce from
 * vite.renderer.config.ts to the main process (electron-vite starts Electron with its environment).
 * React's refresh preamble is an inline script: without its nonce the CSP blocks it and the
 * window stays on its boot frame.
 */
export const DEV_CSP_NONCE_ENV = 'PT_DEV_CSP_NONCE';

/** Content Security Policy for the renderer: nothing remote, no eval, no plugins; in development, the dev server and its nonce. */
export function contentSecurityPolicy(devServerUrl?: string, devNonce?: string): string {
  const dev = devServerUrl ? new URL(devServerUrl) : null;
  const connect = dev ? `'self' ${dev.origin} ws://${dev.host}` : `'self'`;
  const nonce = dev && devNonce && /^[A-Za-z0-9+/=_-]+$/.test(devNonce) ? ` 'nonce-${devNonce}'` : '';
  return [
    `default-src 'self'`,
    `script-src 'self'${nonce}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src ${connect}`,
    `object-src 'none'`,
    `frame-src 'none'`,
    `base-uri 'none'`,
    `form-action 'none'`,
  ].join('; ');
}

/**
 * The app's own pages: the packaged renderer file, or the dev server in development.
 * Everything else (remote sites, other files) is not.
 */
export function isAppUrl(url: string, appEntry: { rendererFile?: string; devServerUrl?: string }): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (appEntry.devServerUrl) {
    return parsed.origin === new URL(appEntry.devServerUrl).origin;
  }
  if (appEntry.rendererFile && parsed.protocol === 'file:') {
    const expected = new URL(`file://${appEntry.rendererFile.startsWith('/') ? '' : '/'}${appEntry.rendererFile.replace(/\\/g, '/')}`);
    return decodeURIComponent(parsed.pathname) === decodeURIComponent(expected.pathname);
  }
  return false;
}

/** In-page navigation is allowed only within the app (hash routes); anything else is blocked. */
export function isNavigationAllowed(targetUrl: string, currentUrl: string, appEntry: { rendererFile?: string; devServerUrl?: string }): boolean {
  return isAppUrl(targetUrl, appEntry) && isAppUrl(currentUrl, appEntry);
}

/** Links the app copies for the user to open in a browser (never opened inside the app, nor by the app). */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'mailto:';
  } catch {
    return false;
  }
}

/** Where the Electron build of better-sqlite3 lives: unpacked from the asar when packaged. */
export function nativeBindingPath(appPath: string, isPackaged: boolean, platformSep = '/'): string {
  const base = isPackaged ? appPath.replace(/app\.asar$/, 'app.asar.unpacked') : appPath;
  return [base, 'native', 'electron', 'better_sqlite3.node'].join(platformSep);
}

/** Where the migrations live: in resources when packaged, in the checkout otherwise. */
export function migrationsPath(appPath: string, resourcesPath: string, isPackaged: boolean, platformSep = '/'): string {
  return isPackaged ? [resourcesPath, 'migrations'].join(platformSep) : [appPath, 'migrations'].join(platformSep);
}
