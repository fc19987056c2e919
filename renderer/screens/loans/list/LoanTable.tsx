// The loans list's table: one row per loan (account or application number, customer, product, amounts, days
// past due, status, next due). Click or Enter opens the loan; ↑/↓ move between rows.
import { Table, Text } from '@mantine/core';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoanSummary } from '../../../../shared/contract';
import { DaysPastDueBadge, LoanStatusBadge } from '../shared/badges';
import type { LoanFormat } from '../shared/format';
import { onRowKeyDown } from '../shared/rowKeys';

interface Props {
  rows: LoanSummary[];
  format: LoanFormat;
  onOpen(loan: LoanSummary): void;
  tableRef: RefObject<HTMLDivElement | null>;
}

/** Loans that have (had) money out: only these have an outstanding balance worth showing. */
const isDisbursed = (loan: LoanSummary) =>
  loan.status === 'active' || loan.status === 'closed' || loan.status === 'written_off';

export function LoanTable({ rows, format, onOpen, tableRef }: Props) {
  const { t } = useTranslation();
  const money = (loan: LoanSummary, minor: number) => format.moneyIn(minor, loan.currency, loan.digits);
  return (
    <Table.ScrollContainer minWidth={900} ref={tableRef}>
      <Table
        style={{ whiteSpace: 'nowrap' }}
        highlightOnHover
        aria-label={t('loans.list.label')}
        verticalSpacing="xs"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('loans.field.number')}</Table.Th>
            <Table.Th>{t('loans.field.customer')}</Table.Th>
            <Table.Th>{t('loans.field.product')}</Table.Th>
            <Table.Th ta="right">{t('loans.field.principal')}</Table.Th>
            <Table.Th ta="right">{t('loans.field.outstanding')}</Table.Th>
            <Table.Th>{t('loans.field.daysPastDue')}</Table.Th>
            <Table.Th>{t('loans.field.status')}</Table.Th>
            <Table.Th>{t('loans.field.nextDue')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((loan) => (
            <Table.Tr
              key={loan.id}
              tabIndex={0}
              style={{ cursor: 'pointer' }}
              onClick={() => onOpen(loan)}
              onKeyDown={(e) => onRowKeyDown(e, () => onOpen(loan))}
              aria-label={`${loan.accountNo ?? loan.applicationNo} ${loan.customerName}`}
            >
              <Table.Td ff="monospace">
                {loan.accountNo ?? (
                  <Text span c="dimmed" ff="monospace" size="sm">
                    {loan.applicationNo}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {loan.customerName}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {[loan.customerNumber, loan.phone].filter(Boolean).join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td>{loan.productName}</Table.Td>
              <Table.Td ta="right" ff="monospace">
                {money(loan, loan.principalMinor)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {isDisbursed(loan) ? money(loan, loan.outstandingTotalMinor) : '—'}
              </Table.Td>
              <Table.Td>
                {loan.status === 'active' || loan.daysPastDue > 0 ? (
                  <DaysPastDueBadge days={loan.daysPastDue} bucket={loan.arrearsBucket} />
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                <LoanStatusBadge status={loan.status} />
              </Table.Td>
              <Table.Td>
                {loan.nextDueDate ? (
                  <>
                    <Text size="sm">{format.date(loan.nextDueDate)}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {money(loan, loan.nextDueMinor)}
                    </Text>
                  </>
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
