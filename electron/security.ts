/**
 * The desktop shell's security policy as pure functions: no `electron` import, so they are
 * unit-tested in Node. main.ts applies them.
 */

/** Content Security Policy for the renderer: nothing remote, no eval, no plugins. */
export function contentSecurityPolicy(devServerUrl?: string): string {
  const dev = devServerUrl ? new URL(devServerUrl) : null;
  const connect = dev ? `'self' ${dev.origin} ws://${dev.host}` : `'self'`;
  return [
    `default-src 'self'`,
    `script-src 'self'`,
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

