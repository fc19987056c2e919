// The loans screens' routes (spread into AppFrame's <Routes>): loans list, loan page, application, approvals,
// products.
import { Route } from 'react-router';
import type { Me } from '../../stores/session';

export function loanRoutes(_me: Me) {
  return <Route path="/loans" element={<p>Loans</p>} />;
}
