// The HTTP loopback transport: the same router as IPC, for the renderer in a plain browser (`npm run web`) and
// for end-to-end tests. It listens on 127.0.0.1 only, on a random port, and answers:
//   POST /api/<method>   the contract's methods, and nothing else (404 for any other name), with
//                        `Authorization: Bearer <run token>` (401 otherwise) and an optional `X-LMS-Session`;
//                        the body is `{ "input": … }`, the answer is always `{ data } | { error }` as JSON.
//   GET  /…              the built renderer (static files, no secrets), when `staticDir` is given.
// The run token is random per run and reaches the browser in the URL fragment, which is never sent to a
// server. No CORS headers are sent, and the Host header must be the loopback address (DNS-rebinding guard).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { isMethodName } from '../../shared/contract';
import type { Core } from '../core/router';

export interface HttpTransport {
  url: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

const maxBodyBytes = 2 * 1024 * 1024;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function isBearer(header: string | undefined, token: string): boolean {
  const expected = Buffer.from(`Bearer ${token}`);
  const actual = Buffer.from(header ?? '');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function serveStatic(staticDir: string, pathname: string, res: ServerResponse) {
  const root = resolve(staticDir);
  const requested = normalize(join(root, decodeURIComponent(pathname)));
  let file =
    requested.startsWith(root + sep) && existsSync(requested) && statSync(requested).isFile()
      ? requested
      : join(root, 'index.html');
  if (!existsSync(file)) file = join(root, 'index.html');
  if (!existsSync(file)) {
    sendJson(res, 404, {
      error: { code: 'NOT_FOUND', message: 'The renderer is not built; run `npm run build`.' },
    });
    return;
  }
  res.writeHead(200, {
    'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
  });
  createReadStream(file).pipe(res);
}

export async function startHttpTransport(
  core: Core,
  options: { port?: number; token?: string; staticDir?: string } = {},
): Promise<HttpTransport> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;

  const server = createServer(async (req, res) => {
    try {
      const remote = req.socket.remoteAddress ?? '';
      const host = req.headers.host ?? '';
      const isLoopback = remote === '127.0.0.1' || remote === '::ffff:127.0.0.1';
      if (!isLoopback || (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`)) {
        sendJson(res, 401, { error: { code: 'UNAUTHENTICATED', message: 'Loopback only.' } });
        return;
      }
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      if (url.pathname.startsWith('/api/')) {
        if (!isBearer(req.headers.authorization, token)) {
          sendJson(res, 401, { error: { code: 'UNAUTHENTICATED', message: 'Missing or wrong run token.' } });
          return;
        }
        const method = url.pathname.slice('/api/'.length);
        if (!isMethodName(method)) {
          sendJson(res, 404, {
            error: { code: 'NOT_FOUND', reason: 'unknown_method', message: `There is no method ${method}.` },
          });
          return;
        }
        if (req.method !== 'POST') {
          res.writeHead(405, { allow: 'POST' }).end();
          return;
        }
        let envelope: { input?: unknown };
        try {
          envelope = JSON.parse((await readBody(req)) || '{}') as { input?: unknown };
        } catch {
          sendJson(res, 400, {
            error: { code: 'VALIDATION', reason: 'invalid_input', message: 'The body is not JSON.' },
          });
          return;
        }
        const session = req.headers['x-lms-session'];
        const result = await core.call(method, envelope.input ?? {}, {
          sessionToken: typeof session === 'string' && session ? session : null,
        });
        sendJson(res, 200, result);
        return;
      }
      if ((req.method === 'GET' || req.method === 'HEAD') && options.staticDir) {
        serveStatic(options.staticDir, url.pathname, res);
        return;
      }
      sendJson(res, 404, { error: { code: 'NOT_FOUND', message: 'Not found.' } });
    } catch {
      if (!res.headersSent)
        sendJson(res, 500, { error: { code: 'INTERNAL', message: 'Something went wrong.' } });
    }
  });

  await new Promise<void>((resolveListen) => server.listen(options.port ?? 0, '127.0.0.1', resolveListen));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    server,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
