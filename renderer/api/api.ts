// The one client the screens use, on the transport chosen for where the renderer runs. It also remembers when
// the last call went out: every authenticated call extends the session's idle timeout on the server, so the
// idle watcher (components/IdleWatcher) needs to know when the server last heard from us.
import { createClient, defaultTransport, type Client } from './client';

const client = createClient(defaultTransport());
let lastCallAt = Date.now();

export const api: Client = {
  ...client,
  call: (method, input) => {
    lastCallAt = Date.now();
    return client.call(method, input);
  },
};

export function millisecondsSinceLastCall(): number {
  return Date.now() - lastCallAt;
}
