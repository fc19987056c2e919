// Where the central password is kept: the operating system's keychain, never a file in clear text.
//   1. keytar (an optional native dependency: loaded with a dynamic import; a failure to load just moves on);
//   2. Electron's safeStorage, when it can really encrypt (on Linux not with the 'basic_text' backend, which is
//      a hard-coded key): the ciphertext, base64, sits in a small file beside the ledger — useless without the
//      OS keychain's key;
//   3. otherwise none: storing is refused with a message saying so, and the app keeps working without sync.
// In `npm run web` and tests there is no Electron: `memorySecretStore()` keeps the secret in this process for
// the run only (it is asked for again after a restart), which is also never a file.
// Not responsible for what the secret is for (electron/sync/worker) nor for the non-secret settings (the
// ledger's `sync.config`, electron/core/sync/config).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeychainStatus } from '../core/sync/port';

export const serviceName = 'Optifluence LMS';

export const noKeychainMessage =
  'No keychain is available on this computer; sync needs one to keep the central password safe. ' +
  'You can keep working without sync.';

export interface SecretStore {
  status(): Promise<KeychainStatus>;
  get(account: string): Promise<string | null>;
  /** Throws `noKeychainMessage` when nothing here can keep a secret safely. */
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<void>;
}

/** The part of keytar we use. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** The part of Electron's safeStorage we use. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  getSelectedStorageBackend?(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** Where safeStorage's ciphertexts are kept (a JSON file of base64 strings); injected so tests need no disk. */
export interface CipherFile {
  read(): Record<string, string>;
  write(entries: Record<string, string>): void;
}

const available = (backend: string): KeychainStatus => ({ isAvailable: true, backend, message: null });

export function memorySecretStore(): SecretStore {
  const secrets = new Map<string, string>();
  return {
    status: async () => available('memory'),
    get: async (account) => secrets.get(account) ?? null,
    set: async (account, secret) => {
      secrets.set(account, secret);
    },
    delete: async (account) => {
      secrets.delete(account);
    },
  };
}

export function keytarSecretStore(keytar: KeytarLike): SecretStore {
  return {
    status: async () => available('keytar'),
    get: (account) => keytar.getPassword(serviceName, account),
    set: (account, secret) => keytar.setPassword(serviceName, account, secret),
    delete: async (account) => {
      await keytar.deletePassword(serviceName, account);
    },
  };
}

export function safeStorageSecretStore(safeStorage: SafeStorageLike, file: CipherFile): SecretStore {
  return {
    status: async () => available('safeStorage'),
    async get(account) {
      const cipher = file.read()[account];
      return cipher ? safeStorage.decryptString(Buffer.from(cipher, 'base64')) : null;
    },
    async set(account, secret) {
      const entries = file.read();
      entries[account] = safeStorage.encryptString(secret).toString('base64');
      file.write(entries);
    },
    async delete(account) {
      const entries = file.read();
      delete entries[account];
      file.write(entries);
    },
  };
}

/** No keychain: reading finds nothing, storing is refused in words. */
export function unavailableSecretStore(message = noKeychainMessage): SecretStore {
  return {
    status: async () => ({ isAvailable: false, backend: 'none', message }),
    get: async () => null,
    set: async () => {
      throw new Error(message);
    },
    delete: async () => {},
  };
}

/** safeStorage encrypts for real only when the OS offers a key; Linux's 'basic_text' is a hard-coded one. */
export function canSafeStorageEncrypt(safeStorage: SafeStorageLike, platform = process.platform): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (platform !== 'linux') return true;
  const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
  return backend !== 'basic_text' && backend !== 'unknown';
}

export interface OpenSecretStoreOptions {
  /** Loads keytar; the default is a dynamic import of the optional dependency. */
  loadKeytar?: () => Promise<KeytarLike>;
  /** Electron's safeStorage, in the main process only (absent in the worker thread, the web host and tests). */
  safeStorage?: SafeStorageLike;
  cipherFile?: CipherFile;
  platform?: NodeJS.Platform;
  log?: (message: string, error?: unknown) => void;
}

async function importKeytar(): Promise<KeytarLike> {
  const name = 'keytar'; // a variable, so bundlers leave the optional native module to be found at run time
  const loaded = (await import(name)) as KeytarLike & { default?: KeytarLike };
  const keytar = loaded.default ?? loaded;
  if (typeof keytar.getPassword !== 'function') throw new Error('keytar did not load');
  return keytar;
}

/** The best store this computer offers, in the order above. */
export async function openSecretStore(options: OpenSecretStoreOptions = {}): Promise<SecretStore> {
  try {
    const keytar = await (options.loadKeytar ?? importKeytar)();
    // A keytar that loads but has no keychain behind it (Linux without a Secret Service) fails here.
    await keytar.getPassword(serviceName, 'probe');
    return keytarSecretStore(keytar);
  } catch (error) {
    options.log?.('keytar is not usable; trying safeStorage', error);
  }
  const { safeStorage, cipherFile } = options;
  if (safeStorage && cipherFile && canSafeStorageEncrypt(safeStorage, options.platform)) {
    return safeStorageSecretStore(safeStorage, cipherFile);
  }
  return unavailableSecretStore();
}

/** A JSON file of safeStorage ciphertexts (base64); it never holds a secret in clear text. */
export function jsonCipherFile(path: string): CipherFile {
  return {
    read() {
      try {
        return JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
      } catch {
        return {};
      }
    },
    write(entries) {
      writeFileSync(path, JSON.stringify(entries), { mode: 0o600 });
    },
  };
}

/**
 * The desktop app's store, opened in the Electron main process (safeStorage exists only there); the core
 * worker thread reaches it through `secretsOverPort` (electron/host). Electron is imported lazily so this
 * module also loads where there is no Electron (`npm run web`, tests).
 */
export async function openDesktopSecretStore(log?: OpenSecretStoreOptions['log']): Promise<SecretStore> {
  try {
    const electron = (await import('electron')) as unknown as {
      app?: { getPath(name: string): string };
      safeStorage?: SafeStorageLike;
    };
    const dir = electron.app?.getPath('userData');
    return await openSecretStore({
      safeStorage: electron.safeStorage,
      cipherFile: dir ? jsonCipherFile(join(dir, 'secrets.json')) : undefined,
      log,
    });
  } catch (error) {
    log?.('no secrets store could be opened', error);
    return unavailableSecretStore();
  }
}

/** The messages that carry secret-store calls between the core worker thread and the main process. */
export type SecretRequest = {
  kind: 'secret';
  id: number;
  op: 'status' | 'get' | 'set' | 'delete';
  account?: string;
  secret?: string;
};
export type SecretAnswer = { kind: 'secretAnswer'; id: number; value?: unknown; error?: string };

/** Answers one request against the real store (main process side). */
export async function answerSecretRequest(store: SecretStore, request: SecretRequest): Promise<SecretAnswer> {
  try {
    const value =
      request.op === 'status'
        ? await store.status()
        : request.op === 'get'
          ? await store.get(request.account!)
          : request.op === 'set'
            ? await store.set(request.account!, request.secret!)
            : await store.delete(request.account!);
    return { kind: 'secretAnswer', id: request.id, value };
  } catch (error) {
    return {
      kind: 'secretAnswer',
      id: request.id,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/** A store whose calls travel as messages to the main process (worker thread side). */
export function secretsOverPort(send: (request: SecretRequest) => void): {
  store: SecretStore;
  receive(answer: SecretAnswer): void;
} {
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  const ask = (op: SecretRequest['op'], account?: string, secret?: string) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      send({ kind: 'secret', id, op, account, secret });
    });
  return {
    store: {
      status: async () => (await ask('status')) as KeychainStatus,
      get: async (account) => ((await ask('get', account)) as string | null) ?? null,
      set: async (account, secret) => {
        await ask('set', account, secret);
      },
      delete: async (account) => {
        await ask('delete', account);
      },
    },
    receive(answer) {
      const waiter = pending.get(answer.id);
      pending.delete(answer.id);
      if (answer.error !== undefined) waiter?.reject(new Error(answer.error));
      else waiter?.resolve(answer.value);
    },
  };
}
