import { describe, expect, it } from 'vitest';
import { langOf } from '../../renderer/src/lang';
import { contrast, cssVariablesResolver, theme } from '../../renderer/src/theme';
import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';

describe('langOf: the lang attribute of a value in the other language', () => {
  it('marks English in the Chinese UI and Chinese in the English UI, and nothing in the same language', () => {
    expect(langOf('Shantou–Burgas project cooperation', 'zh')).toBe('en');
    expect(langOf('汕头—布尔加斯项目合作', 'en')).toBe('zh-CN');
    expect(langOf('汕头—布尔加斯项目合作', 'zh')).toBeUndefined();
    expect(langOf('Shantou–Burgas project cooperation', 'en')).toBeUndefined();
  });
  it('leaves mixed, Cyrillic, numeric and empty values to the page language', () => {
    expect(langOf('汕头 / Shantou', 'zh')).toBeUndefined();
    expect(langOf('Бургас', 'zh')).toBeUndefined();
    expect(langOf('2017-05-31', 'en')).toBeUndefined();
    expect(langOf(null, 'en')).toBeUndefined();
    expect(langOf('汕头 EU–China Smart City', 'en')).toBeUndefined();
  });
});

describe('the theme: every text colour reaches 4.5:1 on the surfaces it is drawn on', () => {
  const vars = cssVariablesResolver(mergeMantineTheme(DEFAULT_THEME, theme));
  const { colors, white } = DEFAULT_THEME;
  it.each([
    ['light', white],
    ['light', colors.gray[0]],
    ['dark', colors.dark[7]],
    ['dark', colors.dark[6]],
  ] as const)('%s scheme on %s', (scheme, surface) => {
    const failing = Object.entries(vars[scheme])
      .filter(([name]) => /-(text|light-color)$|dimmed|anchor|error|placeholder/.test(name))
      .map(([name, value]) => [name, contrast(value, surface)] as const)
      .filter(([, ratio]) => ratio < 4.5);
    expect(failing).toEqual([]);
    // White text on every filled colour (primary buttons, filled badges).
    const filled = Object.entries(vars[scheme]).filter(([name, value]) => /-filled$/.test(name) && contrast(value, white) < 4.5);
    expect(filled).toEqual([]);
  });
});
