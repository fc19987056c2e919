// The customer's loans: every application and loan with its status, amount, outstanding balance and days past
// due, each opening the loan page; and a new application for this customer.
import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { LoanSummary } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { DaysPastDueBadge, LoanStatusBadge } from '../../loans/shared/badges';
import type { BranchFormat } from '../shared/format';

export function LoansTab({
  customerId,
  format,
  canApply,
}: {
  customerId: string;
  format: BranchFormat;
  canApply: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [rows, setRows] = useState<LoanSummary[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    void api.call('loans.list', { customerId, limit: 200 }).then((result) => {
      if (result.error) setMessage(result.error.message);
      else setRows(result.data.rows);
    });
  }, [customerId]);
  return (
    <Stack>
      {canApply && (
        <Group>
          <Button onClick={() => navigate(`/loans/new?customerId=${customerId}`)}>
            {t('customers.loans.apply')}
          </Button>
        </Group>
      )}
      <ErrorAlert message={message} />
      {rows && rows.length === 0 && <Text c="dimmed">{t('customers.loans.none')}</Text>}
      {rows && rows.length > 0 && (
        <Table highlightOnHover data-testid="customer-loans">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('customers.loans.number')}</Table.Th>
              <Table.Th>{t('customers.loans.product')}</Table.Th>
              <Table.Th>{t('customers.loans.status')}</Table.Th>
              <Table.Th ta="right">{t('customers.loans.principal')}</Table.Th>
              <Table.Th ta="right">{t('customers.loans.outstanding')}</Table.Th>
              <Table.Th>{t('customers.loans.daysPastDue')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((loan) => (
              <Table.Tr
                key={loan.id}
                style={{ cursor: 'pointer' }}
                tabIndex={0}
                onClick={() => navigate(`/loans/${loan.id}`)}
                onKeyDown={(e) => e.key === 'Enter' && navigate(`/loans/${loan.id}`)}
              >
                <Table.Td>{loan.accountNo ?? loan.applicationNo}</Table.Td>
                <Table.Td>{loan.productName}</Table.Td>
                <Table.Td>
                  <LoanStatusBadge status={loan.status} />
                </Table.Td>
                <Table.Td ta="right">{format.money(loan.principalMinor)}</Table.Td>
                <Table.Td ta="right">{format.money(loan.outstandingTotalMinor)}</Table.Td>
                <Table.Td>
                  {loan.status === 'active' && (
                    <DaysPastDueBadge days={loan.daysPastDue} bucket={loan.arrearsBucket} />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
