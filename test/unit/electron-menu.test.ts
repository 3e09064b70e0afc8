import { describe, expect, it } from 'vitest';
import { accelerators, menuTemplate, parseUiState, PAGE_COMMANDS, type MenuItemSpec } from '../../electron/menu';
import { parseWindowState, restoreBounds } from '../../electron/window-state';

const find = (items: readonly MenuItemSpec[], label: string): MenuItemSpec => {
  const item = items.find((i) => i.label === label);
  if (!item) throw new Error(`no menu item ${label} in ${items.map((i) => i.label ?? i.role).join(', ')}`);
  return item;
};
const labels = (item: MenuItemSpec) => (item.submenu ?? []).filter((i) => i.type !== 'separator').map((i) => i.label);

describe('native menu', () => {
  it('has File, Edit, View and Help with the items and shortcuts the issue names, in English', () => {
    const menu = menuTemplate({ language: 'en', theme: 'system', platform: 'linux' });
    expect(menu.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    const file = find(menu, 'File');
    expect(labels(file)).toEqual(['Export database…', 'Import and merge…', 'Print report…', 'Backups…', 'Quit']);
    expect(find(file.submenu!, 'Print report…')).toMatchObject({ accelerator: 'CmdOrCtrl+P', command: 'print-report' });
    expect(find(file.submenu!, 'Quit')).toMatchObject({ role: 'quit', accelerator: 'Ctrl+Q' });
    const view = find(menu, 'View');
    expect(labels(view)).toEqual(['Language', 'Appearance', 'Zoom in', 'Zoom out', 'Actual size', 'Full screen']);
    expect(find(view.submenu!, 'Appearance').submenu!.map((i) => [i.label, i.checked])).toEqual([
      ['Follow the system', true],
      ['Light', false],
      ['Dark', false],
    ]);
    expect(labels(find(menu, 'Help'))).toEqual(['About Partnership Tracker', 'Open the data folder']);
    expect(labels(find(menu, 'Edit'))).toEqual(['Undo', 'Redo', 'Cut', 'Copy', 'Paste', 'Select all']);
  });

  it('speaks Chinese when the page does, marks the chosen language and theme, and gives no shortcut twice', () => {
    const menu = menuTemplate({ language: 'zh', theme: 'dark', platform: 'win32' });
    expect(menu.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(labels(find(menu, '文件'))).toEqual(['导出数据库…', '导入并合并…', '打印报告…', '备份…', '退出']);
    const view = find(menu, '视图');
    expect(find(view.submenu!, '语言').submenu!.map((i) => [i.label, i.checked])).toEqual([
      ['简体中文', true],
      ['English', false],
    ]);
    expect(find(view.submenu!, '外观').submenu!.find((i) => i.checked)?.label).toBe('深色');
    const keys = accelerators(menu);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('on macOS starts with the application menu and closes the window with Cmd+W', () => {
    const menu = menuTemplate({ language: 'en', theme: 'light', platform: 'darwin' });
    expect(menu[0]).toEqual({ role: 'appMenu' });
    expect(find(find(menu, 'File').submenu!, 'Quit')).toMatchObject({ role: 'close', accelerator: 'Cmd+W' });
  });

  it('sends the page only commands it knows, and believes only a well-formed state from it', () => {
    const commands = (items: readonly MenuItemSpec[]): string[] => items.flatMap((i) => [...(i.command ? [i.command] : []), ...commands(i.submenu ?? [])]);
    const forPage = commands(menuTemplate({ language: 'en', theme: 'system', platform: 'linux' })).filter(
      (c) => !['export', 'import', 'about', 'open-data-folder'].includes(c),
    );
    for (const command of forPage) expect(PAGE_COMMANDS).toContain(command);
    expect(parseUiState({ language: 'zh', theme: 'dark' })).toEqual({ language: 'zh', theme: 'dark' });
    expect(parseUiState({ language: 'fr', theme: 'dark' })).toBeNull();
    expect(parseUiState({ language: 'en', theme: 'blue' })).toBeNull();
    expect(parseUiState('zh')).toBeNull();
    expect(parseUiState(null)).toBeNull();
  });
});

describe('window size and position', () => {
  const screen = { x: 0, y: 0, width: 1920, height: 1040 };
  const second = { x: 1920, y: 0, width: 1280, height: 1000 };

  it('reopens where it was, on whichever screen that is', () => {
    expect(restoreBounds({ x: 100, y: 80, width: 1400, height: 900 }, [screen])).toEqual({ x: 100, y: 80, width: 1400, height: 900 });
    expect(restoreBounds({ x: 2000, y: 40, width: 1200, height: 800 }, [screen, second])).toEqual({ x: 2000, y: 40, width: 1200, height: 800 });
  });

  it('opens centred at the default size when the saved place is off every screen (a screen was unplugged)', () => {
    expect(restoreBounds({ x: 2000, y: 40, width: 1200, height: 800 }, [screen])).toBeNull();
    expect(restoreBounds({ x: 100, y: -500, width: 1200, height: 800 }, [screen])).toBeNull();
    expect(restoreBounds(null, [screen])).toBeNull();
  });

  it('keeps at least the minimum size and at most the screen', () => {
    expect(restoreBounds({ x: 10, y: 10, width: 300, height: 200 }, [screen])).toEqual({ x: 10, y: 10, width: 1024, height: 700 });
    expect(restoreBounds({ x: 0, y: 0, width: 5000, height: 3000 }, [screen])).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
  });

  it('reads what it saved, and treats a damaged file as no file', () => {
    expect(parseWindowState('{"bounds":{"x":1,"y":2,"width":1300,"height":900},"maximized":true}')).toEqual({
      bounds: { x: 1, y: 2, width: 1300, height: 900 },
      maximized: true,
    });
    for (const text of [null, '', 'not json', '{"bounds":{"x":"1"}}', '[]']) expect(parseWindowState(text)).toEqual({ bounds: null, maximized: false });
  });
});
