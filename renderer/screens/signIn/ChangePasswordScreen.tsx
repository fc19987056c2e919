// The forced password change after a reset or at a first sign-in with a temporary password.
import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../components/AuthLayout';
import { ChangePasswordForm } from '../../components/ChangePasswordForm';
import { useSession } from '../../stores/session';

export function ChangePasswordScreen() {
  const { t } = useTranslation();
  const { adopt, signOut } = useSession();
  return (
    <AuthLayout title={t('password.forcedTitle')} subtitle={t('password.forcedSubtitle')}>
      <Stack>
        <ChangePasswordForm autoFocus submitLabel={t('password.submit')} onChanged={adopt} />
        <Anchor component="button" type="button" size="sm" onClick={() => void signOut()}>
          {t('common.backToSignIn')}
        </Anchor>
      </Stack>
    </AuthLayout>
  );
}
