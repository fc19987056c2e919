// Home: a welcome with the institution, the branch and the person's role.
import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatBusinessDate } from '../../format';
import type { Me } from '../../stores/session';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text>{value}</Text>
    </div>
  );
}

export function HomeScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <Stack maw={720}>
      <Title order={1} size="h2">
        {t('home.welcome', { name: me.user.displayName })}
      </Title>
      <Card withBorder padding="lg">
        <SimpleGrid cols={2}>
          <Fact label={t('home.institution')} value={me.institutionName} />
          <Fact label={t('home.branch')} value={`${me.branch.code} — ${me.branch.name}`} />
          <Fact label={t('home.role')} value={t(`roleName.${me.user.role}`)} />
          <Fact
            label={t('home.businessDate')}
            value={formatBusinessDate(me.branch.businessDate, me.branch.locale)}
          />
          <Fact label={t('home.currency')} value={me.branch.currency} />
          <Fact label={t('home.device')} value={me.deviceCode} />
        </SimpleGrid>
      </Card>
    </Stack>
  );
}
