import { describe, expect, it } from 'vitest';
import { defaultExportName, exchangeFileFromArgs, exportDoneText } from '../../electron/sync-dialogs';

describe('File menu dialog texts', () => {
  it('names the export by date', () => {
    expect(defaultExportName(new Date(2026, 10, 24, 9, 0))).toBe('partnership-tracker-export-2026-11-24.ptdb');
    // The local day, as the Sync view names it, not the UTC one: late evening and early morning keep their date.
    expect(defaultExportName(new Date(2026, 10, 24, 23, 59))).toBe('partnership-tracker-export-2026-11-24.ptdb');
    expect(defaultExportName(new Date(2026, 10, 24, 0, 1))).toBe('partnership-tracker-export-2026-11-24.ptdb');
  });

  it('finds the exported file a double-click passed on the command line, and nothing else', () => {
    expect(exchangeFileFromArgs(['/opt/Partnership Tracker/partnership-tracker', '/home/li/下载/龙湖区 2026-11-20.ptdb'])).toBe(
      '/home/li/下载/龙湖区 2026-11-20.ptdb',
    );
    expect(exchangeFileFromArgs(['C:\\Program Files\\Partnership Tracker.exe', '--allow-file-access', 'D:\\USB\\EXPORT.PTDB'])).toBe('D:\\USB\\EXPORT.PTDB');
    expect(exchangeFileFromArgs(['/usr/bin/partnership-tracker'])).toBeNull();
    expect(exchangeFileFromArgs(['/usr/bin/partnership-tracker', '--inspect=1.ptdb', 'notes.txt', 'office.db'])).toBeNull();
  });

  it('reports where the export went and its size, in the UI language', () => {
    expect(exportDoneText('en', '/home/me/x.db', 2_500_000)).toBe('Exported to:\n/home/me/x.db\n(2.4 MB)');
    expect(exportDoneText('zh', 'D:\\x.db', 700_000)).toContain('已导出到');
  });
});
