// Any report on screen, exactly as the core built it (the same model the export writes): its details, then each
// table with its title, a sticky header, the rows and the totals in bold. Knows nothing about which report it
// shows, so the ledger reports use it as it is.
import { Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Report, ReportRow, ReportTable } from '../../../shared/contract';
import { formatCell, isFigure, totalsWithLabel } from './cells';

function TableOf({ report, table, locale }: { report: Report; table: ReportTable; locale: string }) {
  const { t } = useTranslation();
  const cells = (row: ReportRow) =>
    table.columns.map((c) => (
      <Table.Td key={c.key} ta={isFigure(c) ? 'right' : 'left'} ff={isFigure(c) ? 'monospace' : undefined}>
        {formatCell(c, row[c.key], report, locale)}
      </Table.Td>
    ));
  return (
    <Stack gap={4}>
      <Title order={2} size="h4">
        {table.title}
      </Title>
      {table.subtitle ? (
        <Text size="sm" c="dimmed">
          {table.subtitle}
        </Text>
      ) : null}
      <Table.ScrollContainer minWidth={table.columns.length * 110} maxHeight={520}>
        <Table
          stickyHeader
          striped
          highlightOnHover
          aria-label={table.title}
          style={{ whiteSpace: 'nowrap' }}
        >
          <Table.Thead>
            <Table.Tr>
              {table.columns.map((c) => (
                <Table.Th key={c.key} ta={isFigure(c) ? 'right' : 'left'}>
                  {c.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={table.columns.length}>
                  <Text c="dimmed">{t('reports.noRows')}</Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              table.rows.map((row, i) => <Table.Tr key={i}>{cells(row)}</Table.Tr>)
            )}
          </Table.Tbody>
          {table.totals ? (
            <Table.Tfoot>
              <Table.Tr fw={700} data-testid="report-totals">
                {cells(totalsWithLabel(table.columns, table.totals, t('reports.total')))}
              </Table.Tr>
            </Table.Tfoot>
          ) : null}
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

export function ReportView({ report, locale }: { report: Report; locale: string }) {
  return (
    <Stack gap="lg" data-testid="report">
      <Group gap="xl">
        {report.details.map((d) => (
          <div key={d.label}>
            <Text size="xs" c="dimmed" tt="uppercase">
              {d.label}
            </Text>
            <Text>{d.value}</Text>
          </div>
        ))}
      </Group>
      {report.tables.map((table) => (
        <TableOf key={table.title} report={report} table={table} locale={locale} />
      ))}
    </Stack>
  );
}
