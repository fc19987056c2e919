// The keychain adapter, with keytar and Electron mocked: keytar first, then safeStorage only where it really
// encrypts, and otherwise a refusal in words — never a secret in clear text in a file.
import { describe, expect, it, vi } from 'vitest';
import {
  answerSecretRequest,
  canSafeStorageEncrypt,
  memorySecretStore,
  noKeychainMessage,
  openDesktopSecretStore,
  openSecretStore,
  secretsOverPort,
  serviceName,
  type CipherFile,
  type KeytarLike,
  type SafeStorageLike,
} from '../../../electron/platform/secrets';

const electron = vi.hoisted(() => ({
  safeStorage: undefined as SafeStorageLike | undefined,
  userData: '/nonexistent/Optifluence LMS',
}));
vi.mock('electron', () => ({
  get safeStorage() {
    return electron.safeStorage;
  },
  app: { getPath: () => electron.userData },
}));

function aKeytar(): KeytarLike & { vault: Map<string, string> } {
  const vault = new Map<string, string>();
  return {
    vault,
    getPassword: vi.fn(
      async (service: string, account: string) => vault.get(`${service}/${account}`) ?? null,
    ),
    setPassword: vi.fn(async (service: string, account: string, password: string) => {
      vault.set(`${service}/${account}`, password);
    }),
    deletePassword: vi.fn(async (service: string, account: string) => vault.delete(`${service}/${account}`)),
  };
}

function aSafeStorage(backend: string, isAvailable = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => isAvailable,
    getSelectedStorageBackend: () => backend,
    // A stand-in cipher: reversible, but never the clear text.
    encryptString: (text: string) => Buffer.from([...Buffer.from(text)].map((b) => b ^ 0x5a)),
    decryptString: (cipher: Buffer) => Buffer.from([...cipher].map((b) => b ^ 0x5a)).toString(),
  };
}

function aCipherFile(): CipherFile & { written: string[] } {
  let entries: Record<string, string> = {};
  const written: string[] = [];
  return {
    written,
    read: () => ({ ...entries }),
    write(next) {
      entries = { ...next };
      written.push(JSON.stringify(next));
    },
  };
}

const noKeytar = async (): Promise<KeytarLike> => {
  throw new Error('Cannot find module keytar');
};

describe('the secrets adapter', () => {
  it('keeps the password in the OS keychain through keytar when it loads', async () => {
    const keytar = aKeytar();
    const store = await openSecretStore({ loadKeytar: async () => keytar });
    await store.set('central:d1', 'S3cret!');
    expect(await store.status()).toEqual({ isAvailable: true, backend: 'keytar', message: null });
    expect(keytar.vault.get(`${serviceName}/central:d1`)).toBe('S3cret!');
    expect(await store.get('central:d1')).toBe('S3cret!');
    await store.delete('central:d1');
    expect(await store.get('central:d1')).toBeNull();
  });

  it('falls back to safeStorage when keytar cannot load, and writes only ciphertext', async () => {
    const file = aCipherFile();
    const store = await openSecretStore({
      loadKeytar: noKeytar,
      safeStorage: aSafeStorage('gnome_libsecret'),
      cipherFile: file,
      platform: 'linux',
    });
    await store.set('central:d1', 'S3cret!');
    expect((await store.status()).backend).toBe('safeStorage');
    expect(file.written.join('')).not.toContain('S3cret!');
    expect(await store.get('central:d1')).toBe('S3cret!');
  });

  it('falls back when keytar loads but has no keychain behind it', async () => {
    const broken = { ...aKeytar(), getPassword: vi.fn(async () => Promise.reject(new Error('no D-Bus'))) };
    const store = await openSecretStore({
      loadKeytar: async () => broken,
      safeStorage: aSafeStorage('kwallet5'),
      cipherFile: aCipherFile(),
      platform: 'linux',
    });
    expect((await store.status()).backend).toBe('safeStorage');
  });

  it('refuses to keep a secret when the only backend is plain text (Linux basic_text)', async () => {
    const file = aCipherFile();
    const store = await openSecretStore({
      loadKeytar: noKeytar,
      safeStorage: aSafeStorage('basic_text'),
      cipherFile: file,
      platform: 'linux',
    });
    expect(await store.status()).toEqual({ isAvailable: false, backend: 'none', message: noKeychainMessage });
    await expect(store.set('central:d1', 'S3cret!')).rejects.toThrow(
      'No keychain is available on this computer; sync needs one to keep the central password safe. You can keep working without sync.',
    );
    expect(file.written).toEqual([]);
  });

  it('uses safeStorage only when encryption is available', () => {
    expect(canSafeStorageEncrypt(aSafeStorage('basic_text'), 'linux')).toBe(false);
    expect(canSafeStorageEncrypt(aSafeStorage('gnome_libsecret'), 'linux')).toBe(true);
    expect(canSafeStorageEncrypt(aSafeStorage('unknown', false), 'win32')).toBe(false);
    expect(canSafeStorageEncrypt(aSafeStorage('unknown'), 'darwin')).toBe(true);
  });

  it('opens the desktop store from Electron in the main process', async () => {
    electron.safeStorage = aSafeStorage('basic_text');
    const store = await openDesktopSecretStore();
    // keytar may or may not load on this machine; with a plain-text safeStorage it is keytar or nothing.
    expect(['keytar', 'none']).toContain((await store.status()).backend);
  });

  it('keeps a secret in memory for the run in the browser mode and tests', async () => {
    const store = memorySecretStore();
    await store.set('central:d1', 'x');
    expect(await store.get('central:d1')).toBe('x');
    expect((await store.status()).backend).toBe('memory');
  });

  it('carries calls from the core worker thread to the main process and back, refusals included', async () => {
    const main = await openSecretStore({ loadKeytar: noKeytar });
    const bridge = secretsOverPort((request) => {
      void answerSecretRequest(main, request).then((answer) => bridge.receive(answer));
    });
    await expect(bridge.store.set('central:d1', 'x')).rejects.toThrow(/No keychain is available/);
    expect(await bridge.store.get('central:d1')).toBeNull();
    expect((await bridge.store.status()).isAvailable).toBe(false);
  });
});
