// My account: change my password, and turn two-factor sign-in on or off.
import { Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from '../../components/ChangePasswordForm';
import { useSession, type Me } from '../../stores/session';
import { TwoFactorCard } from './TwoFactorCard';

export function AccountScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const adopt = useSession((s) => s.adopt);
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('account.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} maw={1000}>
        <Paper withBorder p="lg">
          <Stack>
            <Title order={2} size="h4">
              {t('password.changeTitle')}
            </Title>
            <ChangePasswordForm
              submitLabel={t('password.submit')}
              onChanged={async (result) => {
                await adopt(result);
                notifications.show({ color: 'teal', message: t('password.changed') });
              }}
            />
          </Stack>
        </Paper>
        <TwoFactorCard me={me} />
      </SimpleGrid>
    </Stack>
  );
}
