// The reports' routes (spread into AppFrame's <Routes>): the hub and one route per entry of registry.tsx, each
// behind its permission (the core refuses the calls anyway).
import { Route } from 'react-router';
import { NotPermitted } from '../../components/NotPermitted';
import { hasPermission, type Me } from '../../stores/session';
import { reportEntries } from './registry';
import { ReportsHub } from './ReportsHub';

export function reportRoutes(me: Me) {
  return (
    <>
      <Route
        key="/reports"
        path="/reports"
        element={hasPermission(me, 'reports.read') ? <ReportsHub me={me} /> : <NotPermitted />}
      />
      {reportEntries.map((entry) => (
        <Route
          key={entry.path}
          path={entry.path}
          element={hasPermission(me, entry.permission) ? entry.render(me) : <NotPermitted />}
        />
      ))}
    </>
  );
}
