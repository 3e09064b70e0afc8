/**
 * Where the main window opens: where it was last time, if that place is still on a screen.
 * Pure (no electron import): main.ts reads the displays and the saved file, this decides.
 */
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Bounds | null;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
export const MIN_SIZE = { width: 1024, height: 700 } as const;

/** A saved state from disk, or the default for anything missing or malformed. */
export function parseWindowState(text: string | null): WindowState {
  try {
    const value = JSON.parse(text ?? 'null') as Partial<WindowState> | null;
    const b = value?.bounds;
    const ok = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
    const bounds = b && ok(b.x) && ok(b.y) && ok(b.width) && ok(b.height) ? { x: b.x, y: b.y, width: b.width, height: b.height } : null;
    return { bounds, maximized: value?.maximized === true };
  } catch {
    return { bounds: null, maximized: false };
  }
}

/**
 * The bounds to open with: the saved ones, at least the minimum size and at most the work area,
 * if at least 100×50 pixels of its title bar region lie on some display; else centred defaults (null).
 */
export function restoreBounds(saved: Bounds | null, workAreas: readonly Bounds[]): Bounds | null {
  if (!saved) return null;
  for (const area of workAreas) {
    const width = Math.min(Math.max(saved.width, MIN_SIZE.width), area.width);
    const height = Math.min(Math.max(saved.height, MIN_SIZE.height), area.height);
    const visibleX = Math.min(saved.x + width, area.x + area.width) - Math.max(saved.x, area.x);
    const visibleY = Math.min(saved.y + 50, area.y + area.height) - Math.max(saved.y, area.y);
    if (visibleX >= 100 && visibleY >= 50) return { x: saved.x, y: saved.y, width, height };
  }
  return null;
}
