// The per-computer settings (window bounds) over an electron-store stand-in.
import { describe, expect, it } from 'vitest';
import { defaultWindowBounds, settingsStore } from '../../../electron/platform/settingsStore';

function aStore(initial: Record<string, unknown> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    get: (key: string) => values.get(key),
    set: (key: string, value: unknown) => values.set(key, value),
  };
}

describe('the settings store', () => {
  it('opens the window at the default size the first time', () => {
    expect(settingsStore(aStore()).windowBounds()).toEqual(defaultWindowBounds);
  });

  it('remembers where the window was, never smaller than the minimum', () => {
    const settings = settingsStore(aStore());
    settings.saveWindowBounds({ x: 10, y: 20, width: 800, height: 900, isMaximized: true });
    expect(settings.windowBounds()).toEqual({ x: 10, y: 20, width: 1024, height: 900, isMaximized: true });
  });

  it('ignores saved nonsense', () => {
    expect(settingsStore(aStore({ window: { width: 'wide' } })).windowBounds()).toEqual(defaultWindowBounds);
  });
});
