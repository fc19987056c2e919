// What the window shows, in order: first-run setup until the ledger is initialised; sign-in until there is a
// session; then the step the session is at (two-factor code, new password, enrolment); then the app frame.
import { Button, Center, Loader, Stack } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../shared/contract';
import { api } from './api/api';
import { ErrorAlert } from './components/ErrorAlert';
import { AppFrame } from './screens/frame/AppFrame';
import { SetupScreen } from './screens/setup/SetupScreen';
import { ChangePasswordScreen } from './screens/signIn/ChangePasswordScreen';
import { EnrolmentScreen } from './screens/signIn/EnrolmentScreen';
import { SignInScreen } from './screens/signIn/SignInScreen';
import { TwoFactorScreen } from './screens/signIn/TwoFactorScreen';
import { useSession } from './stores/session';

type SetupStatus = OutputOf<'setup.status'>;

api.onUnauthenticated((error) =>
  useSession.getState().expire(error.reason === 'session_idle' ? 'idle' : 'ended'),
);

function Loading() {
  const { t } = useTranslation();
  return (
    <Center h="100vh">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

export function App() {
  const { t } = useTranslation();
  const [setup, setSetup] = useState<SetupStatus | null>(null);
  const [setupError, setSetupError] = useState<string | null>(null);
  const { me, isLoading, restore } = useSession();

  const loadSetup = useCallback(async () => {
    setSetupError(null);
    const result = await api.call('setup.status', {});
    if (result.data) setSetup(result.data);
    else setSetupError(result.error.message);
  }, []);

  useEffect(() => {
    void loadSetup();
    void restore();
  }, [loadSetup, restore]);

  if (setupError)
    return (
      <Center h="100vh">
        <Stack>
          <ErrorAlert message={setupError} />
          <Button onClick={() => void loadSetup()}>{t('common.retry')}</Button>
        </Stack>
      </Center>
    );
  if (!setup || isLoading) return <Loading />;
  if (!setup.isInitialised) return <SetupScreen onDone={() => void loadSetup()} />;
  if (!me) {
    const place = [setup.institutionName, setup.branch?.name].filter(Boolean).join(' — ') || null;
    return <SignInScreen place={place} />;
  }
  switch (me.stage) {
    case 'totpRequired':
      return <TwoFactorScreen />;
    case 'passwordChangeRequired':
      return <ChangePasswordScreen />;
    case 'totpEnrolmentRequired':
      return <EnrolmentScreen />;
    case 'active':
      return <AppFrame me={me} />;
  }
}
