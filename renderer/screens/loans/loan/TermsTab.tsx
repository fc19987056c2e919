// The loan's terms: what was asked for, approved and paid out, the dates, and the engine's terms in words.
import { SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LoanView } from '../../../../shared/contract';
import type { LoanFormat } from '../shared/format';
import { parseAmount } from '../amount';
import { describeTerms, say } from './termsText';

function Facts({ rows, label }: { rows: [string, string][]; label: string }) {
  return (
    <Table aria-label={label} variant="vertical" layout="fixed" withTableBorder>
      <Table.Tbody>
        {rows.map(([name, value]) => (
          <Table.Tr key={name}>
            <Table.Th w="45%">{name}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function TermsTab({ loan, format }: { loan: LoanView; format: LoanFormat }) {
  const { t } = useTranslation();
  const money = (minor: number | null) => format.moneyIn(minor, loan.currency, loan.digits);
  const application: [string, string][] = [
    [t('loans.field.requestedPrincipal'), money(loan.requestedPrincipalMinor)],
    [t('loans.field.approvedPrincipal'), money(loan.approvedPrincipalMinor)],
    [t('loans.field.disbursedPrincipal'), money(loan.disbursedPrincipalMinor)],
    [t('loans.field.repayments'), String(loan.repayments)],
    [t('loans.field.annualRate'), t('loans.termText.rate', { rate: loan.annualRate })],
    [t('loans.field.purpose'), loan.purpose],
    [t('loans.field.expectedDisbursementDate'), format.date(loan.expectedDisbursementDate)],
    [t('loans.field.disbursedOn'), format.date(loan.disbursedOn)],
    [t('loans.field.maturityDate'), format.date(loan.maturityDate)],
    ...(loan.closedOn ? [[t('loans.field.closedOn'), format.date(loan.closedOn)] as [string, string]] : []),
    ...(loan.writtenOffOn
      ? [[t('loans.field.writtenOffOn'), format.date(loan.writtenOffOn)] as [string, string]]
      : []),
    [t('loans.field.applicationNo'), loan.applicationNo],
    [t('loans.field.createdAt'), format.instant(loan.createdAt)],
    [t('loans.field.submittedAt'), format.instant(loan.submittedAt)],
  ];
  const engine: [string, string][] = describeTerms(loan.terms).map((line) => [
    t(`loans.term.${line.term}`, { defaultValue: line.term }),
    say(line.text, (key, params) => t(key, { ...params, defaultValue: key }), {
      date: (date) => format.date(date),
      major: (amount, currency) => {
        const minor = parseAmount(amount, loan.digits);
        return minor === null ? `${currency} ${amount}` : format.moneyIn(minor, currency, loan.digits);
      },
    }),
  ]);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <div>
        <Title order={2} size="h4" mb="xs">
          {t('loans.terms.application')}
        </Title>
        <Facts rows={application} label={t('loans.terms.application')} />
      </div>
      <div>
        <Title order={2} size="h4" mb="xs">
          {t('loans.terms.engine')}
        </Title>
        {engine.length > 0 ? (
          <Facts rows={engine} label={t('loans.terms.engine')} />
        ) : (
          <Text c="dimmed">{t('loans.terms.none')}</Text>
        )}
      </div>
    </SimpleGrid>
  );
}
