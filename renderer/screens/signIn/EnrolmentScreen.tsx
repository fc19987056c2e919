// Required two-factor enrolment (the person's role requires it and they have not set it up yet).
import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../components/AuthLayout';
import { TotpEnrolment } from '../../components/TotpEnrolment';
import { useSession } from '../../stores/session';

export function EnrolmentScreen() {
  const { t } = useTranslation();
  const { adopt, signOut } = useSession();
  return (
    <AuthLayout title={t('totp.enrolTitle')} subtitle={t('totp.enrolSubtitle')} width={480}>
      <Stack>
        <TotpEnrolment onFinished={(result) => void adopt(result)} />
        <Anchor component="button" type="button" size="sm" onClick={() => void signOut()}>
          {t('common.backToSignIn')}
        </Anchor>
      </Stack>
    </AuthLayout>
  );
}
