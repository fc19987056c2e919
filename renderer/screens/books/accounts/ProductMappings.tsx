// A product's own accounts for the posting rules: for each role a product's postings use (its portfolio,
// receivables, income, write-offs), the account it posts to — the product's own when an administrator mapped
// one, else the chart's account carrying that role (a business product's portfolio: the business portfolio).
// Administrators pick a product, a role and an account, or clear the account to go back to the chart's.
import { Badge, Button, Fieldset, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { productAccountRoles, type GlAccountView } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useCall } from '../../loans/shared/useCall';
import { useQuery } from '../shared/useQuery';
import { accountLabel, mappableAccounts } from './accountTree';

type Role = (typeof productAccountRoles)[number];

interface Props {
  accounts: readonly GlAccountView[];
  canManage: boolean;
}

export function ProductMappings({ accounts, canManage }: Props) {
  const { t } = useTranslation();
  const products = useQuery('loanProducts.list', { includeInactive: true });
  const mappings = useQuery('books.mappings', {});
  const [productId, setProductId] = useState<string | null>(null);
  const [role, setRole] = useState<Role>('portfolio');
  const [accountCode, setAccountCode] = useState<string | null>(null);
  const call = useCall(['accountCode']);

  useEffect(() => {
    if (productId === null && products.data?.[0]) setProductId(products.data[0].id);
  }, [productId, products.data]);

  const product = products.data?.find((p) => p.id === productId) ?? null;
  const byCode = new Map(accounts.map((a) => [a.code, a]));
  const chartAccount = (r: Role) => {
    const chartRole = r === 'portfolio' && product?.kind === 'business' ? 'portfolioBusiness' : r;
    return accounts.find((a) => a.role === chartRole) ?? null;
  };
  const own = (r: Role) => mappings.data?.find((m) => m.productId === productId && m.role === r) ?? null;

  async function save() {
    if (!productId) return;
    const saved = await call.run(() => api.call('books.saveMapping', { productId, role, accountCode }));
    if (!saved) return;
    notifications.show({ color: 'teal', message: t('books.mappings.saved') });
    void mappings.reload();
  }

  const named = (code: string | null | undefined) => {
    if (!code) return '—';
    const account = byCode.get(code);
    return account ? accountLabel(account) : code;
  };

  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('books.mappings.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('books.mappings.hint')}
      </Text>
      <ErrorAlert message={products.error ?? mappings.error} />
      {products.data?.length === 0 ? (
        <Text>{t('books.mappings.noProducts')}</Text>
      ) : (
        <>
          <Select
            label={t('books.mappings.product')}
            w={360}
            searchable
            allowDeselect={false}
            value={productId}
            onChange={setProductId}
            data={(products.data ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }))}
          />
          {product ? (
            <Table verticalSpacing={4} aria-label={t('books.mappings.title')} maw={820}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('books.field.role')}</Table.Th>
                  <Table.Th>{t('books.mappings.account')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {productAccountRoles.map((r) => {
                  const mapping = own(r);
                  return (
                    <Table.Tr key={r}>
                      <Table.Td>{t(`books.role.${r}`)}</Table.Td>
                      <Table.Td>
                        <Group gap="xs">
                          <Text size="sm" ff="monospace">
                            {named(mapping ? mapping.accountCode : chartAccount(r)?.code)}
                          </Text>
                          <Badge
                            miw="max-content"
                            size="sm"
                            variant="light"
                            color={mapping ? 'blue' : 'gray'}
                          >
                            {t(mapping ? 'books.mappings.own' : 'books.mappings.chart')}
                          </Badge>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          ) : null}
          {canManage && product ? (
            <Fieldset legend={t('books.mappings.change')} maw={820}>
              <form
                noValidate
                aria-label={t('books.mappings.change')}
                onSubmit={(e) => {
                  e.preventDefault();
                  void save();
                }}
              >
                <Stack gap="sm">
                  <Group align="flex-start" grow>
                    <Select
                      label={t('books.field.role')}
                      allowDeselect={false}
                      value={role}
                      onChange={(v) => v && setRole(v as Role)}
                      data={productAccountRoles.map((r) => ({ value: r, label: t(`books.role.${r}`) }))}
                    />
                    <Select
                      label={t('books.mappings.account')}
                      placeholder={t('books.mappings.useChart', { account: named(chartAccount(role)?.code) })}
                      clearable
                      searchable
                      value={accountCode}
                      onChange={setAccountCode}
                      data={mappableAccounts(accounts).map((a) => ({
                        value: a.code,
                        label: accountLabel(a),
                      }))}
                      error={call.fieldError('accountCode')}
                    />
                  </Group>
                  <ErrorAlert message={call.error} />
                  <Group justify="flex-end">
                    <Button type="submit" loading={call.isBusy}>
                      {t('books.mappings.save')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            </Fieldset>
          ) : null}
        </>
      )}
    </Stack>
  );
}
