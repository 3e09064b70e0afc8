/**
 * The installers' configuration, checked as far as it can be without the Electron binary:
 * electron-builder's own schema validation, and what the issue asks of it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';

const ROOT = path.resolve(__dirname, '../..');

async function config(): Promise<Configuration> {
  return getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema validation, which does refuse a wrong key', async () => {
    await expect(validateConfiguration(await config(), new DebugLogger(false))).resolves.toBeUndefined();
    const wrong = { ...(await config()), linux: { target: ['AppImage'], maintainerr: 'typo' } } as unknown as Configuration;
    await expect(validateConfiguration(wrong, new DebugLogger(false))).rejects.toThrow(/Invalid configuration object/);
  });

  it('builds AppImage and deb, NSIS and dmg, names the app in both languages, and has a large enough icon', async () => {
    const c = await config();
    expect(c.appId).toBe('org.partnership-tracker.desktop');
    expect(c.linux?.target).toEqual(['AppImage', 'deb']);
    expect(c.win?.target).toEqual(['nsis']);
    expect(c.mac?.target).toEqual(['dmg']);
    const entry = (c.linux?.desktop as { entry: Record<string, string> }).entry;
    expect(entry).toMatchObject({ Name: 'Partnership Tracker', 'Name[zh_CN]': '伙伴关系管理' });
    expect(c.nsis?.installerLanguages).toEqual(['zh_CN', 'en_US']);
    const icon = pngSize(path.join(ROOT, c.icon as string));
    expect(icon.width).toBeGreaterThanOrEqual(512);
    expect(icon.height).toBe(icon.width);
  });

  it('ships the migrations, keeps the native module out of the asar, and opens exported files with the app', async () => {
    const c = await config();
    expect(c.extraResources).toContainEqual({ from: 'migrations', to: 'migrations' });
    // The Electron build is loaded from native/ through nativeBinding; better-sqlite3's own build (Node's) is not shipped (packaging.test.ts).
    expect(c.asarUnpack).toEqual(['native/**']);
    const files = [c.files].flat().flatMap((f) => (typeof f === 'string' ? [f] : [f?.filter ?? []].flat()));
    expect(files).toEqual(expect.arrayContaining(['out/**', 'native/**', 'package.json']));
    const associations = [c.fileAssociations].flat();
    expect(associations).toContainEqual(expect.objectContaining({ ext: 'ptdb', mimeType: 'application/x-partnership-tracker' }));
    // Windows registers a file association only for a per-machine install
    expect(c.nsis?.perMachine).toBe(true);
  });
});
