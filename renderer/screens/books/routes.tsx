// The books screens' routes (spread into AppFrame's <Routes>): the chart of accounts, the journal, manual
// journals, accounting periods, provisioning, the books settings and the checks — each behind the permission its
// query needs (shared/BooksNav.tsx lists them; the core refuses the calls anyway). What a person may change on a
// screen (settings.manage, accounting.manage, accounting.reopen) is decided by the screen.
import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { NotPermitted } from '../../components/NotPermitted';
import { hasPermission, type Me } from '../../stores/session';
import { ChartScreen } from './accounts/ChartScreen';
import { JournalScreen } from './journal/JournalScreen';
import { ManualJournalsScreen } from './manual/ManualJournalsScreen';
import { PeriodsScreen } from './periods/PeriodsScreen';
import { ProvisioningScreen } from './provisioning/ProvisioningScreen';
import { BooksSettingsScreen } from './settings/BooksSettingsScreen';
import { booksAreas, type BooksArea } from './shared/BooksNav';
import { VerifyScreen } from './verify/VerifyScreen';

const screens: Record<BooksArea, (me: Me) => ReactNode> = {
  accounts: (me) => <ChartScreen me={me} />,
  journal: (me) => <JournalScreen me={me} />,
  manual: (me) => <ManualJournalsScreen me={me} />,
  periods: (me) => <PeriodsScreen me={me} />,
  provisioning: (me) => <ProvisioningScreen me={me} />,
  settings: (me) => <BooksSettingsScreen me={me} />,
  verify: (me) => <VerifyScreen me={me} />,
};

export function bookRoutes(me: Me) {
  return (
    <>
      {booksAreas.map(({ area, path, permission }) => (
        <Route
          key={path}
          path={path}
          element={hasPermission(me, permission) ? screens[area](me) : <NotPermitted />}
        />
      ))}
    </>
  );
}
