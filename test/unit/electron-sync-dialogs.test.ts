import { describe, expect, it } from 'vitest';
import { defaultExportName, exchangeFileFromArgs, exportDoneText, mergePreviewText } from '../../electron/sync-dialogs';
import type { MergeSummary } from '../../db/sync/files';

const summary = {
  fileName: 'district.db',
  peerOffice: '龙湖区外事办',
  added: 12,
  changed: 3,
  deleted: 1,
  conflicts: 2,
  duplicates: [{ localId: 'a', importedId: 'b', name: 'Burgas' }],
  clockAheadMs: 0,
} as unknown as MergeSummary;

describe('File menu dialog texts', () => {
  it('names the export by date', () => {
    expect(defaultExportName(new Date(2026, 10, 24, 9, 0))).toBe('partnership-tracker-export-2026-11-24.ptdb');
    // The local day, as the Sync view names it, not the UTC one: late evening and early morning keep their date.
    expect(defaultExportName(new Date(2026, 10, 24, 23, 59))).toBe('partnership-tracker-export-2026-11-24.ptdb');
    expect(defaultExportName(new Date(2026, 10, 24, 0, 1))).toBe('partnership-tracker-export-2026-11-24.ptdb');
  });

  it('finds the exported file a double-click passed on the command line, and nothing else', () => {
    expect(exchangeFileFromArgs(['/opt/Partnership Tracker/partnership-tracker', '/home/li/下载/龙湖区 2026-11-20.ptdb'])).toBe('/home/li/下载/龙湖区 2026-11-20.ptdb');
    expect(exchangeFileFromArgs(['C:\\Program Files\\Partnership Tracker.exe', '--allow-file-access', 'D:\\USB\\EXPORT.PTDB'])).toBe('D:\\USB\\EXPORT.PTDB');
    expect(exchangeFileFromArgs(['/usr/bin/partnership-tracker'])).toBeNull();
    expect(exchangeFileFromArgs(['/usr/bin/partnership-tracker', '--inspect=1.ptdb', 'notes.txt', 'office.db'])).toBeNull();
  });

  it('reports where the export went and its size, in the UI language', () => {
    expect(exportDoneText('en', '/home/me/x.db', 2_500_000)).toBe('Exported to:\n/home/me/x.db\n(2.4 MB)');
    expect(exportDoneText('zh', 'D:\\x.db', 700_000)).toContain('已导出到');
  });

  it('previews a merge with its counts, duplicates and the backup, with Cancel first', () => {
    const en = mergePreviewText('en', summary);
    expect(en.message).toBe('Merge "district.db" (from 龙湖区外事办)?');
    expect(en.detail).toContain('12 added, 3 changed, 1 deleted, 2 conflicts');
    expect(en.detail).toContain('1 likely duplicate');
    expect(en.buttons).toEqual(['Cancel', 'Merge']);
    const zh = mergePreviewText('zh', summary);
    expect(zh.detail).toContain('新增 12');
    expect(zh.buttons[0]).toBe('取消');
  });

  it('a file two years ahead names the clock and asks for the same confirmation as the Sync view, unticked', () => {
    const ahead = { ...summary, clockAheadMs: 2 * 365 * 24 * 3600 * 1000 } as MergeSummary;
    const en = mergePreviewText('en', ahead);
    expect(en.detail).toMatch(/clock is ahead: the newest change in this file is about 1051200 minutes ahead/);
    expect(en.checkboxLabel).toBe('I have checked the clocks; merge anyway');
    expect(mergePreviewText('zh', ahead).checkboxLabel).toBe('我已检查时钟，仍然合并');
    // Within the limit nothing is asked.
    expect(mergePreviewText('en', { ...summary, clockAheadMs: 60_000 } as MergeSummary).checkboxLabel).toBeUndefined();
  });
});
