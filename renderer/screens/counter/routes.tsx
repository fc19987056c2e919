// The counter screens' routes (spread into AppFrame's <Routes>): the counter (teller.post), the till and vault
// (till.manage or till.approve), the import of a bank or mobile-money repayments file (loans.manage), and the
// loan settings the till count and reminders use (settings.manage).
// Each route checks its permission, as AppFrame's own routes do; the core refuses the calls anyway.
import type { ReactNode } from 'react';
import { Route } from 'react-router';
import type { Permission } from '../../../shared/permissions';
import { NotPermitted } from '../../components/NotPermitted';
import { hasPermission, type Me } from '../../stores/session';
import { CounterScreen } from './desk/CounterScreen';
import { ImportRepaymentsScreen } from './import/ImportRepaymentsScreen';
import { LoanSettingsScreen } from './settings/LoanSettingsScreen';
import { TillScreen } from './till/TillScreen';

function Permitted({ me, anyOf, children }: { me: Me; anyOf: readonly Permission[]; children: ReactNode }) {
  return anyOf.some((permission) => hasPermission(me, permission)) ? children : <NotPermitted />;
}

export function counterRoutes(me: Me) {
  return (
    <>
      <Route
        path="/counter"
        element={
          <Permitted me={me} anyOf={['teller.post']}>
            <CounterScreen me={me} />
          </Permitted>
        }
      />
      <Route
        path="/till"
        element={
          <Permitted me={me} anyOf={['till.manage', 'till.approve']}>
            <TillScreen me={me} />
          </Permitted>
        }
      />
      <Route
        path="/counter/import"
        element={
          <Permitted me={me} anyOf={['loans.manage']}>
            <ImportRepaymentsScreen me={me} />
          </Permitted>
        }
      />
      <Route
        path="/counter/settings"
        element={
          <Permitted me={me} anyOf={['settings.manage']}>
            <LoanSettingsScreen me={me} />
          </Permitted>
        }
      />
    </>
  );
}
