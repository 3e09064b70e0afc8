import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isAppUrl, isExternalLinkAllowed, isNavigationAllowed, migrationsPath, nativeBindingPath } from '../../electron/security';

const packaged = { rendererFile: '/opt/Partnership Tracker/resources/app.asar/out/renderer/index.html' };
const appPage = 'file:///opt/Partnership%20Tracker/resources/app.asar/out/renderer/index.html';

describe('desktop shell policy', () => {
  it('has a CSP that allows no remote origin and no inline or eval script', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https?:|unsafe-eval|\*/);
    expect(csp.match(/script-src[^;]*/)![0]).not.toContain('unsafe-inline');
    expect(csp).toContain("object-src 'none'");
    // In development only the local dev server is added.
    expect(contentSecurityPolicy('http://localhost:5173')).toContain("connect-src 'self' http://localhost:5173 ws://localhost:5173");
  });

  it('the renderer page ships the same restrictions in its own CSP', () => {
    const html = readFileSync(path.resolve(__dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)![1]!;
    expect(meta).toContain("script-src 'self'");
    expect(meta).not.toMatch(/https?:|unsafe-eval/);
  });

  it('allows navigation only within the app page, and never to a remote site or another file', () => {
    expect(isAppUrl(`${appPage}#/organizations`, packaged)).toBe(true);
    expect(isNavigationAllowed(`${appPage}#/tasks`, appPage, packaged)).toBe(true);
    expect(isNavigationAllowed('https://example.com/', appPage, packaged)).toBe(false);
    expect(isNavigationAllowed('file:///etc/passwd', appPage, packaged)).toBe(false);
    expect(isNavigationAllowed('javascript:alert(1)', appPage, packaged)).toBe(false);
    expect(isAppUrl('not a url', packaged)).toBe(false);
    const dev = { devServerUrl: 'http://localhost:5173' };
    expect(isNavigationAllowed('http://localhost:5173/#/x', 'http://localhost:5173/', dev)).toBe(true);
    expect(isNavigationAllowed('http://localhost:5174/', 'http://localhost:5173/', dev)).toBe(false);
  });

  it('opens only https and mailto links outside the app', () => {
    expect(isExternalLinkAllowed('https://ec.europa.eu/')).toBe(true);
    expect(isExternalLinkAllowed('mailto:fao@shantou.gov.cn')).toBe(true);
    expect(isExternalLinkAllowed('http://example.com/')).toBe(false);
    expect(isExternalLinkAllowed('file:///C:/Windows/System32/calc.exe')).toBe(false);
    expect(isExternalLinkAllowed('smb://server/share')).toBe(false);
  });

  it('loads the Electron build of better-sqlite3 from outside the asar, and migrations from resources', () => {
    expect(nativeBindingPath('/opt/pt/resources/app.asar', true)).toBe('/opt/pt/resources/app.asar.unpacked/native/electron/better_sqlite3.node');
    expect(nativeBindingPath('/home/me/pt', false)).toBe('/home/me/pt/native/electron/better_sqlite3.node');
    expect(migrationsPath('/opt/pt/resources/app.asar', '/opt/pt/resources', true)).toBe('/opt/pt/resources/migrations');
    expect(migrationsPath('/home/me/pt', '/x', false)).toBe('/home/me/pt/migrations');
  });
});
