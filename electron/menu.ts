/**
 * The native menu as data: labels in the app's language, shortcuts, and what each item does,
 * named by a command. Pure (no electron import) and unit-tested; main.ts turns commands into
 * handlers and the template into a Menu.
 */
export type MenuLanguage = 'zh' | 'en';
export type ThemeChoice = 'system' | 'light' | 'dark';

/** What a menu item does. Commands the page carries out are sent to it (see bridge.ts). */
export type MenuCommand =
  | 'export'
  | 'import'
  | 'print-report'
  | 'backups'
  | 'about'
  | 'open-data-folder'
  | 'language-zh'
  | 'language-en'
  | 'theme-system'
  | 'theme-light'
  | 'theme-dark';

/** The commands the page carries out itself (navigation, language, theme). */
export const PAGE_COMMANDS = ['print-report', 'backups', 'language-zh', 'language-en', 'theme-system', 'theme-light', 'theme-dark', 'open-reminders'] as const;
export type PageCommand = (typeof PAGE_COMMANDS)[number];

export interface MenuItemSpec {
  label?: string;
  role?: string;
  type?: 'separator' | 'radio' | 'submenu';
  accelerator?: string;
  command?: MenuCommand;
  checked?: boolean;
  enabled?: boolean;
  submenu?: MenuItemSpec[];
}

export interface MenuState {
  language: MenuLanguage;
  theme: ThemeChoice;
  platform: string;
}

const T = {
  file: { zh: '文件', en: 'File' },
  export: { zh: '导出数据库…', en: 'Export database…' },
  import: { zh: '导入并合并…', en: 'Import and merge…' },
  print: { zh: '打印报告…', en: 'Print report…' },
  backups: { zh: '备份…', en: 'Backups…' },
  quit: { zh: '退出', en: 'Quit' },
  edit: { zh: '编辑', en: 'Edit' },
  undo: { zh: '撤销', en: 'Undo' },
  redo: { zh: '重做', en: 'Redo' },
  cut: { zh: '剪切', en: 'Cut' },
  copy: { zh: '复制', en: 'Copy' },
  paste: { zh: '粘贴', en: 'Paste' },
  selectAll: { zh: '全选', en: 'Select all' },
  view: { zh: '视图', en: 'View' },
  language: { zh: '语言', en: 'Language' },
  theme: { zh: '外观', en: 'Appearance' },
  system: { zh: '跟随系统', en: 'Follow the system' },
  light: { zh: '浅色', en: 'Light' },
  dark: { zh: '深色', en: 'Dark' },
  zoomIn: { zh: '放大', en: 'Zoom in' },
  zoomOut: { zh: '缩小', en: 'Zoom out' },
  resetZoom: { zh: '实际大小', en: 'Actual size' },
  fullScreen: { zh: '全屏', en: 'Full screen' },
  help: { zh: '帮助', en: 'Help' },
  about: { zh: '关于伙伴关系管理', en: 'About Partnership Tracker' },
  dataFolder: { zh: '打开数据文件夹', en: 'Open the data folder' },
} as const;

export function menuTemplate(state: MenuState): MenuItemSpec[] {
  const t = (key: keyof typeof T) => T[key][state.language];
  const mac = state.platform === 'darwin';
  const radio = (label: string, command: MenuCommand, checked: boolean): MenuItemSpec => ({ label, type: 'radio', command, checked });
  return [
    ...(mac ? [{ role: 'appMenu' }] : []),
    {
      label: t('file'),
      submenu: [
        { label: t('export'), accelerator: 'CmdOrCtrl+Shift+E', command: 'export' },
        { label: t('import'), accelerator: 'CmdOrCtrl+Shift+I', command: 'import' },
        { type: 'separator' },
        { label: t('print'), accelerator: 'CmdOrCtrl+P', command: 'print-report' },
        { label: t('backups'), accelerator: 'CmdOrCtrl+Shift+B', command: 'backups' },
        { type: 'separator' },
        { label: t('quit'), role: mac ? 'close' : 'quit', accelerator: mac ? 'Cmd+W' : 'Ctrl+Q' },
      ],
    },
    {
      label: t('edit'),
      submenu: [
        { label: t('undo'), role: 'undo', accelerator: 'CmdOrCtrl+Z' },
        { label: t('redo'), role: 'redo', accelerator: mac ? 'Shift+Cmd+Z' : 'Ctrl+Y' },
        { type: 'separator' },
        { label: t('cut'), role: 'cut', accelerator: 'CmdOrCtrl+X' },
        { label: t('copy'), role: 'copy', accelerator: 'CmdOrCtrl+C' },
        { label: t('paste'), role: 'paste', accelerator: 'CmdOrCtrl+V' },
        { label: t('selectAll'), role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
      ],
    },
    {
      label: t('view'),
      submenu: [
        {
          label: t('language'),
          submenu: [radio('简体中文', 'language-zh', state.language === 'zh'), radio('English', 'language-en', state.language === 'en')],
        },
        {
          label: t('theme'),
          submenu: [
            radio(t('system'), 'theme-system', state.theme === 'system'),
            radio(t('light'), 'theme-light', state.theme === 'light'),
            radio(t('dark'), 'theme-dark', state.theme === 'dark'),
          ],
        },
        { type: 'separator' },
        { label: t('zoomIn'), role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
        { label: t('zoomOut'), role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
        { label: t('resetZoom'), role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
        { type: 'separator' },
        { label: t('fullScreen'), role: 'togglefullscreen', accelerator: mac ? 'Ctrl+Cmd+F' : 'F11' },
      ],
    },
    {
      label: t('help'),
      role: 'help',
      submenu: [
        { label: t('about'), command: 'about' },
        { label: t('dataFolder'), command: 'open-data-folder' },
      ],
    },
  ];
}

/** What Chromium says about the place a person right-clicked (a subset of Electron's ContextMenuParams). */
export interface ContextMenuPlace {
  isEditable: boolean;
  selectionText: string;
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
}

/**
 * The right-click menu: cut, copy and paste in a field, copy on selected text; nothing elsewhere
 * (null). Spellcheck is off (it would download dictionaries), so there are no suggestions.
 */
export function contextMenuTemplate(place: ContextMenuPlace, language: MenuLanguage): MenuItemSpec[] | null {
  const t = (key: keyof typeof T) => T[key][language];
  const flags = place.editFlags;
  if (place.isEditable) {
    return [
      { label: t('cut'), role: 'cut', enabled: flags.canCut },
      { label: t('copy'), role: 'copy', enabled: flags.canCopy },
      { label: t('paste'), role: 'paste', enabled: flags.canPaste },
      { type: 'separator' },
      { label: t('selectAll'), role: 'selectAll', enabled: flags.canSelectAll },
    ];
  }
  if (place.selectionText.trim()) return [{ label: t('copy'), role: 'copy', enabled: flags.canCopy }];
  return null;
}

/** Every accelerator in a template, for the test that no shortcut is given twice. */
export function accelerators(items: readonly MenuItemSpec[]): string[] {
  return items.flatMap((item) => [...(item.accelerator ? [item.accelerator] : []), ...accelerators(item.submenu ?? [])]);
}

/** What the page reports about itself so the menu shows the same choices; anything else is ignored. */
export function parseUiState(value: unknown): { language: MenuLanguage; theme: ThemeChoice } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { language, theme } = value as Record<string, unknown>;
  if ((language !== 'zh' && language !== 'en') || (theme !== 'system' && theme !== 'light' && theme !== 'dark')) return null;
  return { language, theme };
}
