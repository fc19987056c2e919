// The credit score: compute it now, the latest score with its band and the factor-by-factor table, and the
// history of past scores.
import { Badge, Button, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { IconCalculator } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerProfile, OutputOf } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { BranchFormat } from '../shared/format';

type Score = OutputOf<'scores.compute'>;

function Factors({ score }: { score: Score }) {
  const { t } = useTranslation();
  return (
    <Table aria-label={t('customers.score.factors')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('customers.score.factor')}</Table.Th>
          <Table.Th>{t('customers.score.value')}</Table.Th>
          <Table.Th>{t('customers.score.points')}</Table.Th>
          <Table.Th>{t('customers.score.reason')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {score.factors.map((f) => (
          <Table.Tr key={f.factor}>
            <Table.Td>{t(`customers.scoreFactor.${f.factor}`, { defaultValue: f.factor })}</Table.Td>
            <Table.Td>{f.value}</Table.Td>
            <Table.Td w={180}>
              <Text size="sm">
                {f.points} / {f.maxPoints}
              </Text>
              <Progress value={f.maxPoints > 0 ? (100 * f.points) / f.maxPoints : 0} size="sm" />
            </Table.Td>
            <Table.Td>{f.reason}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function ScoreTab({ profile, format }: { profile: CustomerProfile; format: BranchFormat }) {
  const { t } = useTranslation();
  const [latest, setLatest] = useState<Score | null>(profile.latestScore);
  const [history, setHistory] = useState<Score[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const loadHistory = useCallback(async () => {
    const result = await api.call('scores.history', { customerId: profile.id });
    if (result.data) setHistory(result.data);
  }, [profile.id]);
  useEffect(() => void loadHistory(), [loadHistory]);

  async function compute() {
    setBusy(true);
    setError(null);
    const result = await api.call('scores.compute', { customerId: profile.id });
    setBusy(false);
    if (result.error) return setError(result.error.message);
    setLatest(result.data);
    await loadHistory();
  }

  return (
    <Stack>
      <Group>
        <Button leftSection={<IconCalculator size={16} />} onClick={() => void compute()} loading={isBusy}>
          {t('customers.score.compute')}
        </Button>
      </Group>
      <ErrorAlert message={error} />
      {latest ? (
        <Stack gap="xs">
          <Group align="baseline">
            <Text size="2.5rem" fw={700} data-testid="score-value">
              {latest.score}
            </Text>
            <Badge size="lg">{latest.band}</Badge>
            <Text size="sm" c="dimmed">
              {t('customers.score.computedBy', {
                who: latest.computedBy,
                when: format.instant(latest.computedAt),
              })}
            </Text>
          </Group>
          <Factors score={latest} />
        </Stack>
      ) : (
        <Text c="dimmed">{t('customers.score.none')}</Text>
      )}
      {history.length > 1 ? (
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('customers.score.history')}
          </Title>
          <Table aria-label={t('customers.score.history')}>
            <Table.Tbody>
              {history.map((h) => (
                <Table.Tr key={h.computedAt}>
                  <Table.Td>{format.instant(h.computedAt)}</Table.Td>
                  <Table.Td>{h.score}</Table.Td>
                  <Table.Td>{h.band}</Table.Td>
                  <Table.Td>{h.computedBy}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : null}
    </Stack>
  );
}
