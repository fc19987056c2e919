// The loans screens' routes (spread into AppFrame's <Routes>): the loans list, the reminders queue, the products,
// a new application, the loan page, and the approval queue — each behind the permission its calls need (the
// core refuses the calls anyway). Specific paths come before /loans/:loanId.
import type { ReactNode } from 'react';
import { Route } from 'react-router';
import type { Permission } from '../../../shared/permissions';
import { NotPermitted } from '../../components/NotPermitted';
import { hasPermission, type Me } from '../../stores/session';
import { ApplicationScreen } from './apply/ApplicationScreen';
import { ApprovalsScreen } from './approvals/ApprovalsScreen';
import { LoanListScreen } from './list/LoanListScreen';
import { RemindersScreen } from './list/RemindersScreen';
import { LoanScreen } from './loan/LoanScreen';
import { ProductsScreen } from './products/ProductsScreen';

function Permitted({ me, permission, children }: { me: Me; permission: Permission; children: ReactNode }) {
  return hasPermission(me, permission) ? children : <NotPermitted />;
}

export function loanRoutes(me: Me) {
  const guarded = (path: string, permission: Permission, element: ReactNode) => (
    <Route
      key={path}
      path={path}
      element={
        <Permitted me={me} permission={permission}>
          {element}
        </Permitted>
      }
    />
  );
  return (
    <>
      {guarded('/loans', 'loans.read', <LoanListScreen me={me} />)}
      {guarded('/loans/reminders', 'loans.read', <RemindersScreen me={me} />)}
      {guarded('/loans/products', 'settings.manage', <ProductsScreen me={me} />)}
      {guarded('/loans/new', 'loans.apply', <ApplicationScreen me={me} />)}
      {guarded('/loans/:loanId', 'loans.read', <LoanScreen me={me} />)}
      {guarded('/approvals', 'loans.approve', <ApprovalsScreen me={me} />)}
    </>
  );
}
