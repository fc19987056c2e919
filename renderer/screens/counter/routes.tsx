// The counter screens' routes (spread into AppFrame's <Routes>): the counter, the till, the vault, reminders.
import { Route } from 'react-router';
import type { Me } from '../../stores/session';

export function counterRoutes(_me: Me) {
  return <Route path="/counter" element={<p>Counter</p>} />;
}
