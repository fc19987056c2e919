// What belongs to this computer rather than to the ledger: the window's size and place, kept with
// electron-store (a JSON file in the user-data folder). Not for secrets (electron/platform/secrets) and not
// for the central connection, which lives in the ledger's settings so it travels with the ledger and the core
// can read it under every host (see electron/core/sync/config).
export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  isMaximized: boolean;
}

/** The part of electron-store we use (injected, so tests need no Electron). */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export const defaultWindowBounds: WindowBounds = { width: 1280, height: 800, isMaximized: false };
const minimum = { width: 1024, height: 640 };

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function settingsStore(store: KeyValueStore) {
  return {
    /** The last bounds, or the defaults when none (or nonsense) were saved; never smaller than the minimum. */
    windowBounds(): WindowBounds {
      const saved = store.get('window') as Partial<WindowBounds> | undefined;
      if (!saved || !isNumber(saved.width) || !isNumber(saved.height)) return { ...defaultWindowBounds };
      return {
        ...(isNumber(saved.x) && isNumber(saved.y) ? { x: saved.x, y: saved.y } : {}),
        width: Math.max(minimum.width, Math.round(saved.width)),
        height: Math.max(minimum.height, Math.round(saved.height)),
        isMaximized: saved.isMaximized === true,
      };
    },
    saveWindowBounds(bounds: WindowBounds): void {
      store.set('window', bounds);
    },
  };
}

/** The desktop app's store (electron-store needs the Electron main process, hence the lazy import). */
export async function openSettingsStore() {
  const { default: Store } = await import('electron-store');
  return settingsStore(new Store({ name: 'settings' }) as unknown as KeyValueStore);
}
