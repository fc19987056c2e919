// The audit log (audit.read), newest first: filters, "Load more" paging by sequence, and chain verification.
import { Button, Code, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRow, InputOf } from '../../../shared/contract';
import { api } from '../../api/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../format';
import type { Me } from '../../stores/session';
import { AuditFilters, noFilters, type AuditFilterValues } from './AuditFilters';
import { VerifyChain } from './VerifyChain';

const pageSize = 100;

function toQuery(filters: AuditFilterValues, beforeSeq: number | null): InputOf<'audit.list'> {
  return {
    limit: pageSize,
    ...(filters.userId.trim() ? { userId: filters.userId.trim() } : {}),
    ...(filters.action.trim() ? { action: filters.action.trim() } : {}),
    ...(filters.fromDate ? { fromDate: filters.fromDate } : {}),
    ...(filters.toDate ? { toDate: filters.toDate } : {}),
    ...(beforeSeq !== null ? { beforeSeq } : {}),
  };
}

function compactDetails(details: AuditRow['details']): string {
  const text = JSON.stringify(details);
  return text === '{}' ? '' : text;
}

export function AuditScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilterValues>(noFilters);
  const [rows, setRows] = useState<AuditRow[] | null>(null);
  const [nextBeforeSeq, setNextBeforeSeq] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [isLoadingMore, setLoadingMore] = useState(false);

  const load = useCallback(async (applied: AuditFilterValues, beforeSeq: number | null) => {
    setMessage(null);
    const result = await api.call('audit.list', toQuery(applied, beforeSeq));
    if (result.error) {
      setMessage(result.error.message);
      return;
    }
    setRows((current) => (beforeSeq === null ? result.data.rows : [...(current ?? []), ...result.data.rows]));
    setNextBeforeSeq(result.data.nextBeforeSeq);
  }, []);

  useEffect(() => void load(filters, null), [load, filters]);

  async function loadMore() {
    setLoadingMore(true);
    await load(filters, nextBeforeSeq);
    setLoadingMore(false);
  }

  const { locale, timeZone } = me.branch;
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Title order={1} size="h2">
          {t('audit.title')}
        </Title>
        <VerifyChain />
      </Group>
      <AuditFilters
        me={me}
        onApply={(applied) => {
          setRows(null);
          setFilters({ ...applied });
        }}
      />
      <ErrorAlert message={message} />
      {rows === null ? (
        <Loader aria-label={t('common.loading')} />
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t('audit.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped withTableBorder aria-label={t('audit.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.time')}</Table.Th>
                <Table.Th>{t('audit.user')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th>{t('audit.entity')}</Table.Th>
                <Table.Th>{t('audit.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.seq}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatInstant(row.at, locale, timeZone)}
                  </Table.Td>
                  <Table.Td>{row.username ?? t('audit.system')}</Table.Td>
                  <Table.Td>
                    <Code>{row.action}</Code>
                  </Table.Td>
                  <Table.Td>
                    {row.entityType ? `${row.entityType} ${row.entityId?.slice(0, 8) ?? ''}` : ''}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                      {compactDetails(row.details)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {nextBeforeSeq !== null && rows !== null ? (
        <Group>
          <Button variant="default" loading={isLoadingMore} onClick={() => void loadMore()}>
            {t('audit.loadMore')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
