// #/reports: every report this person may open, grouped (portfolio, books), from the list in registry.tsx.
// Each card is a link to its report.
import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hasPermission, type Me } from '../../stores/session';
import { reportEntries, reportGroups } from './registry';

export function ReportsHub({ me }: { me: Me }) {
  const { t } = useTranslation();
  const visible = reportEntries.filter((e) => hasPermission(me, e.permission));
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('reports.hub.title')}
      </Title>
      <Text c="dimmed">{t('reports.hub.intro')}</Text>
      {reportGroups
        .filter((group) => visible.some((e) => e.group === group))
        .map((group) => (
          <Stack key={group} gap="xs">
            <Title order={2} size="h4">
              {t(`reports.hub.groups.${group}`)}
            </Title>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {visible
                .filter((e) => e.group === group)
                .map((entry) => (
                  <Card
                    key={entry.id}
                    withBorder
                    component="a"
                    href={`#${entry.path}`}
                    data-testid={`report-entry-${entry.id}`}
                  >
                    <Text fw={600}>{t(`reports.entries.${entry.id}.title`)}</Text>
                    <Text size="sm" c="dimmed">
                      {t(`reports.entries.${entry.id}.description`)}
                    </Text>
                  </Card>
                ))}
            </SimpleGrid>
          </Stack>
        ))}
    </Stack>
  );
}
