// Hybrid logical clocks: a timestamp that follows wall time but never goes backwards and orders causally
// across devices (Kulkarni et al.). Encoded as a string that sorts lexicographically in time order:
// `<wall ms, 15 digits>:<counter, 4 hex>:<node>`. Pure: the caller passes the wall clock in.

export interface Hlc {
  wallMs: number;
  counter: number;
  node: string;
}

const maxCounter = 0xffff;

export function encodeHlc(h: Hlc): string {
  return `${String(h.wallMs).padStart(15, '0')}:${h.counter.toString(16).padStart(4, '0')}:${h.node}`;
}

export function decodeHlc(text: string): Hlc {
  const match = /^(\d{15}):([0-9a-f]{4}):(.+)$/.exec(text);
  if (!match) throw new Error(`not an HLC timestamp: ${text}`);
  return { wallMs: Number(match[1]), counter: parseInt(match[2]!, 16), node: match[3]! };
}

/** The next timestamp for a local event. */
export function tick(last: Hlc | null, nowMs: number, node: string): Hlc {
  if (!last || nowMs > last.wallMs) return { wallMs: nowMs, counter: 0, node };
  if (last.counter >= maxCounter) return { wallMs: last.wallMs + 1, counter: 0, node };
  return { wallMs: last.wallMs, counter: last.counter + 1, node };
}

export type ReceiveResult =
  { ok: true; hlc: Hlc } | { ok: false; reason: 'clock_too_far_ahead'; driftMs: number };

/**
 * Merges a remote timestamp into the local clock. A remote clock more than `maxDriftMs` ahead of our wall
 * clock is refused rather than followed, so one device with a wrong date cannot drag every clock forward.
 */
export function receive(
  local: Hlc | null,
  remote: Hlc,
  nowMs: number,
  node: string,
  maxDriftMs: number,
): ReceiveResult {
  const driftMs = remote.wallMs - nowMs;
  if (driftMs > maxDriftMs) return { ok: false, reason: 'clock_too_far_ahead', driftMs };
  const localWall = local?.wallMs ?? 0;
  const wallMs = Math.max(localWall, remote.wallMs, nowMs);
  let counter = 0;
  if (wallMs === localWall && wallMs === remote.wallMs)
    counter = Math.max(local!.counter, remote.counter) + 1;
  else if (wallMs === localWall) counter = local!.counter + 1;
  else if (wallMs === remote.wallMs) counter = remote.counter + 1;
  if (counter > maxCounter) return { ok: true, hlc: { wallMs: wallMs + 1, counter: 0, node } };
  return { ok: true, hlc: { wallMs, counter, node } };
}
