// The renderer's typed client, derived from the contract: `api.call('users.create', input)` is typed by the
// method's zod schemas and answers `{ data } | { error }`, never throws for a refused call. Two transports:
// the preload bridge in the desktop app (`window.lms`), and HTTP on loopback in a plain browser.
import {
  methodNames,
  type ApiError,
  type ApiResult,
  type InputOf,
  type MethodName,
  type OutputOf,
} from '../../shared/contract';

export interface Transport {
  invoke(method: MethodName, input: unknown, sessionToken: string | null): Promise<ApiResult<unknown>>;
}

type Bridge = Record<string, (input: unknown, sessionToken: string | null) => Promise<ApiResult<unknown>>>;

declare global {
  interface Window {
    lms?: Bridge;
  }
}

export function ipcTransport(bridge: Bridge): Transport {
  return { invoke: (method, input, sessionToken) => bridge[method]!(input, sessionToken) };
}

export function httpTransport(baseUrl: string, runToken: string, fetchImpl: typeof fetch = fetch): Transport {
  return {
    async invoke(method, input, sessionToken) {
      try {
        const response = await fetchImpl(`${baseUrl}api/${method}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${runToken}`,
            ...(sessionToken ? { 'x-lms-session': sessionToken } : {}),
          },
          body: JSON.stringify({ input }),
        });
        return (await response.json()) as ApiResult<unknown>;
      } catch {
        return { error: { code: 'INTERNAL', message: 'The app’s core is not reachable.' } };
      }
    },
  };
}

export interface Client {
  readonly methods: readonly MethodName[];
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<ApiResult<OutputOf<M>>>;
  setSessionToken(token: string | null): void;
  /** Called when the server says the session has expired (idle, lifetime, or ended elsewhere). */
  onUnauthenticated(listener: (error: ApiError) => void): void;
}

export function createClient(transport: Transport): Client {
  let sessionToken: string | null = null;
  let unauthenticated: ((error: ApiError) => void) | null = null;
  return {
    methods: methodNames,
    async call(method, input) {
      const result = (await transport.invoke(method, input, sessionToken)) as ApiResult<
        OutputOf<typeof method>
      >;
      if (
        result.error?.code === 'UNAUTHENTICATED' &&
        (result.error.reason === 'session_expired' || result.error.reason === 'session_idle')
      )
        unauthenticated?.(result.error);
      return result;
    },
    setSessionToken(token) {
      sessionToken = token;
    },
    onUnauthenticated(listener) {
      unauthenticated = listener;
    },
  };
}

/** Picks the transport for where the renderer runs: the desktop bridge, or the loopback server. */
export function defaultTransport(): Transport {
  if (window.lms) return ipcTransport(window.lms);
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem('lms.runToken', fromHash);
    history.replaceState(null, '', window.location.pathname);
  }
  const runToken = fromHash ?? sessionStorage.getItem('lms.runToken') ?? '';
  return httpTransport(new URL('./', window.location.href).href, runToken);
}
