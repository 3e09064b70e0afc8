import { createTheme, type CSSVariablesResolver, type MantineTheme } from '@mantine/core';

/**
 * The theme, with every text colour at WCAG AA contrast (4.5:1) in both colour schemes.
 *
 * Mantine's defaults miss it: dimmed text is 3.32:1 (light) and 4.03:1 (dark), white on the
 * indigo of a primary button 4.32:1, a green or yellow badge's text on its tint under 2.2:1, and
 * green, teal, lime, yellow and orange reach 4.5:1 on white at no shade at all. So the variables
 * a component's text is drawn with (`-text`, `-light-color`, `-outline`, `-filled` under white
 * text, dimmed, anchor, error, placeholder) are chosen here by measuring: the palette's shade
 * nearest Mantine's own choice that reaches 4.5:1 against every background it is drawn on, or,
 * where no shade does, that colour darkened (light scheme) or lightened (dark scheme) until it does.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
  focusRing: 'auto',
  // Dialogs and popovers appear without their transition for people who ask the system for less motion.
  respectReducedMotion: true,
});

const AA = 4.5;
type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
}
function hex([r, g, b]: Rgb): string {
  return `#${[r, g, b]
    .map((c) =>
      Math.round(Math.max(0, Math.min(255, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}
function luminance(color: Rgb): number {
  const [r, g, b] = color.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
/** The WCAG contrast ratio of two opaque colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(rgb(a)), luminance(rgb(b))].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
/** `color` at `alpha` over `background`, as the eye sees it. */
function over(color: string, alpha: number, background: string): string {
  const fg = rgb(color);
  const bg = rgb(background);
  return hex(fg.map((c, i) => c * alpha + bg[i]! * (1 - alpha)) as Rgb);
}
function mix(color: string, target: string, amount: number): string {
  return over(target, amount, color);
}

/**
 * The first of `shades` (indexes into `palette`, in order of preference) whose colour reaches AA
 * against every one of `backgrounds`; else the last one moved toward `toward` until it does.
 */
function readable(palette: readonly string[], shades: number[], backgrounds: string[], toward: string): string {
  const passes = (color: string) => backgrounds.every((bg) => contrast(color, bg) >= AA);
  for (const shade of shades) if (passes(palette[shade]!)) return palette[shade]!;
  const last = palette[shades.at(-1)!]!;
  for (let amount = 0.05; amount < 1; amount += 0.05) {
    const moved = mix(last, toward, amount);
    if (passes(moved)) return moved;
  }
  return toward;
}

/** The text colours of every palette, for both schemes, measured against the surfaces they sit on. */
export const cssVariablesResolver: CSSVariablesResolver = (t: MantineTheme) => {
  const { white, black } = t;
  const gray = t.colors.gray;
  const dark = t.colors.dark;
  // Where text sits: light body, stripes, hovers; dark body (dark-7), inputs and stripes (dark-6), hovers (dark-5).
  const lightSurfaces = [white, gray[0]!, gray[1]!];
  const darkSurfaces = [dark[7]!, dark[6]!, dark[5]!, dark[8]!];
  const light: Record<string, string> = {};
  const darkVars: Record<string, string> = {};

  for (const [name, palette] of Object.entries(t.colors)) {
    if (name === 'dark') continue;
    // Light scheme: the tint of a light badge or active nav item is the colour at 10% over the surface.
    const lightTints = lightSurfaces.map((s) => over(palette[6]!, 0.12, s));
    const lightText = readable(palette, [7, 8, 9], [...lightSurfaces, ...lightTints], black);
    light[`--mantine-color-${name}-text`] = lightText;
    light[`--mantine-color-${name}-light-color`] = lightText;
    light[`--mantine-color-${name}-outline`] = lightText;
    const lightFilled = readable(palette, [6, 7, 8, 9], [white], black);
    light[`--mantine-color-${name}-filled`] = lightFilled;
    light[`--mantine-color-${name}-filled-hover`] = mix(lightFilled, black, 0.12);

    // Dark scheme: the tint is shade 6 at 15% over the surface.
    const darkTints = darkSurfaces.map((s) => over(palette[6]!, 0.2, s));
    const darkText = readable(palette, [4, 3, 2, 1, 0], [...darkSurfaces, ...darkTints], white);
    darkVars[`--mantine-color-${name}-text`] = darkText;
    darkVars[`--mantine-color-${name}-light-color`] = darkText;
    darkVars[`--mantine-color-${name}-outline`] = darkText;
    const darkFilled = readable(palette, [8, 9], [white], black);
    darkVars[`--mantine-color-${name}-filled`] = darkFilled;
    darkVars[`--mantine-color-${name}-filled-hover`] = mix(darkFilled, black, 0.12);
  }

  const primary = t.colors[t.primaryColor]!;
  return {
    variables: {},
    light: {
      ...light,
      '--mantine-color-dimmed': readable(gray, [6], lightSurfaces, black),
      '--mantine-color-placeholder': readable(gray, [6], lightSurfaces, black),
      '--mantine-color-error': readable(t.colors.red, [6, 7, 8, 9], [...lightSurfaces, over(t.colors.red[6]!, 0.12, white)], black),
      '--mantine-color-anchor': light[`--mantine-color-${t.primaryColor}-text`]!,
      '--mantine-primary-color-filled': light[`--mantine-color-${t.primaryColor}-filled`]!,
      '--mantine-primary-color-filled-hover': light[`--mantine-color-${t.primaryColor}-filled-hover`]!,
      '--mantine-primary-color-light-color': light[`--mantine-color-${t.primaryColor}-light-color`]!,
    },
    dark: {
      ...darkVars,
      '--mantine-color-dimmed': readable(dark, [2], darkSurfaces, white),
      '--mantine-color-placeholder': readable(dark, [2], darkSurfaces, white),
      '--mantine-color-error': readable(t.colors.red, [5, 4, 3, 2], [...darkSurfaces, over(t.colors.red[6]!, 0.2, dark[7]!)], white),
      '--mantine-color-anchor': readable(primary, [4, 3, 2], [...darkSurfaces, over(primary[6]!, 0.2, dark[7]!)], white),
      '--mantine-primary-color-filled': darkVars[`--mantine-color-${t.primaryColor}-filled`]!,
      '--mantine-primary-color-filled-hover': darkVars[`--mantine-color-${t.primaryColor}-filled-hover`]!,
      '--mantine-primary-color-light-color': darkVars[`--mantine-color-${t.primaryColor}-light-color`]!,
    },
  };
};
