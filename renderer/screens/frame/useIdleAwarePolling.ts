// Polls the status bar's facts every 15 s, but only while the person is active: every call extends the
// session's idle timeout on the server, so polling an untouched window would keep it signed in forever.
// When the window has been quiet for longer than the idle timeout, one call lets the server say so, and the
// client's unauthenticated handler takes the person back to sign-in.
import { useEffect, useState } from 'react';
import { api, millisecondsSinceLastCall } from '../../api/api';
import type { Me } from '../../stores/session';
import { useSyncStatus } from '../../stores/syncStatus';

const pollEveryMs = 15_000;
const activityEvents = ['keydown', 'pointerdown', 'wheel'] as const;

export function useIdleAwarePolling(me: Me): void {
  const poll = useSyncStatus((s) => s.poll);
  const reset = useSyncStatus((s) => s.reset);
  // The server's idle timeout, recovered from when `auth.me` said this session would go idle.
  const [idleMs] = useState(() =>
    Math.max(60_000, Math.ceil((Date.parse(me.idleExpiresAt) - Date.now()) / 60_000) * 60_000),
  );

  useEffect(() => {
    let wasActive = false;
    const markActive = () => {
      wasActive = true;
    };
    for (const name of activityEvents) window.addEventListener(name, markActive, { passive: true });
    void poll();
    const timer = window.setInterval(() => {
      if (wasActive) {
        wasActive = false;
        void poll();
      } else if (millisecondsSinceLastCall() > idleMs + 5_000) {
        void api.call('auth.me', {});
      }
    }, pollEveryMs);
    return () => {
      window.clearInterval(timer);
      for (const name of activityEvents) window.removeEventListener(name, markActive);
      reset();
    };
  }, [poll, reset, idleMs]);
}
