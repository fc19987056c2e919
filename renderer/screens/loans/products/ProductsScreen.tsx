// #/loans/products — loan products (settings.manage): every product, inactive ones too, with its limits; a new
// product or a click (Enter) on one opens the form with every parameter.
import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoanProductView } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { Me } from '../../../stores/session';
import { useLoanFormat } from '../shared/format';
import { LoansNav } from '../shared/LoansNav';
import { onRowKeyDown } from '../shared/rowKeys';
import { ProductForm } from './ProductForm';

export function ProductsScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const format = useLoanFormat(me);
  const [products, setProducts] = useState<LoanProductView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<LoanProductView | 'new' | null>(null);

  const load = useCallback(async () => {
    const result = await api.call('loanProducts.list', { includeInactive: true });
    if (result.error) return setError(result.error.message);
    setError(null);
    setProducts(result.data);
  }, []);
  useEffect(() => void load(), [load]);
  useHotkeys([['alt+N', () => setEditing('new')]]);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('loans.products.title')}
        </Title>
        <Button
          leftSection={<IconPlus size={18} />}
          onClick={() => setEditing('new')}
          aria-keyshortcuts="Alt+N"
          title="Alt+N"
        >
          {t('loans.products.new')}
        </Button>
      </Group>
      <LoansNav me={me} current="products" />
      <ErrorAlert message={error} />
      {products === null ? (
        <Text c="dimmed">{t('common.loading')}</Text>
      ) : products.length === 0 ? (
        <Text>{t('loans.products.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table
            style={{ whiteSpace: 'nowrap' }}
            highlightOnHover
            aria-label={t('loans.products.title')}
            verticalSpacing="xs"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('loans.productForm.code')}</Table.Th>
                <Table.Th>{t('loans.productForm.name')}</Table.Th>
                <Table.Th>{t('loans.productForm.kind')}</Table.Th>
                <Table.Th>{t('loans.products.principal')}</Table.Th>
                <Table.Th>{t('loans.field.repayments')}</Table.Th>
                <Table.Th>{t('loans.field.annualRate')}</Table.Th>
                <Table.Th>{t('loans.products.schedule')}</Table.Th>
                <Table.Th>{t('loans.field.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {products.map((p) => {
                const money = (minor: number) => format.moneyIn(minor, p.currency, p.digits);
                return (
                  <Table.Tr
                    key={p.id}
                    tabIndex={0}
                    style={{ cursor: 'pointer' }}
                    onClick={() => setEditing(p)}
                    onKeyDown={(e) => onRowKeyDown(e, () => setEditing(p))}
                  >
                    <Table.Td ff="monospace">{p.code}</Table.Td>
                    <Table.Td fw={600}>{p.name}</Table.Td>
                    <Table.Td>{t(`loans.productForm.option.kind.${p.kind}`)}</Table.Td>
                    <Table.Td ff="monospace">
                      {money(p.minPrincipalMinor)} – {money(p.maxPrincipalMinor)}
                    </Table.Td>
                    <Table.Td>
                      {p.minRepayments}–{p.maxRepayments}
                    </Table.Td>
                    <Table.Td>
                      {t('loans.products.rates', { min: p.minRate, max: p.maxRate, default: p.defaultRate })}
                    </Table.Td>
                    <Table.Td>
                      {t(`loans.frequency.${p.termsTemplate.frequency}`, {
                        count: p.termsTemplate.every ?? 1,
                      })}{' '}
                      · {t(`loans.interestMethod.${p.termsTemplate.interestMethod}`)}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={p.isActive ? 'teal' : 'gray'} variant="light">
                        {p.isActive ? t('loans.products.active') : t('loans.products.inactive')}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing ? (
        <ProductForm
          me={me}
          product={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            notifications.show({ color: 'teal', message: t('loans.products.saved', { code: saved.code }) });
            void load();
          }}
        />
      ) : null}
    </Stack>
  );
}
