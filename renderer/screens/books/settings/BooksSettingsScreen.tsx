// #/books/settings — how interest accrues (every day, at month end, or on due dates; by default and per product)
// and the loan-loss provisioning buckets by days past due with their rates. Everyone who reads the books sees
// them; administrators (settings.manage) change them. The core checks that the buckets follow each other from
// 0 days without gaps and that the last has no upper bound; what it refuses is shown next to the field.
import { ActionIcon, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accrualPolicies, type ApiError } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { hasPermission, type Me } from '../../../stores/session';
import { BooksNav } from '../shared/BooksNav';
import { useQuery } from '../shared/useQuery';
import { bucketsToText, maxBuckets, textToBuckets, type BucketText } from './bucketValues';

type Policy = (typeof accrualPolicies)[number];
const bucketFields = ['name', 'fromDays', 'toDays', 'ratePercent'] as const;

function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** A refusal's issues by the form's names (`accrual`, `<row>.<field>`), and what could not be placed. */
function placeIssues(error: ApiError): { fields: Record<string, string>; rest: string | null } {
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const issue of error.issues ?? []) {
    const match = /^provisioning\.(\d+)\.(\w+)$/.exec(issue.path);
    if (match) fields[`${match[1]}.${match[2]}`] = sentence(issue.message);
    else if (issue.path === 'accrual') fields.accrual = sentence(issue.message);
    else rest.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
  }
  const isPlaced = (error.issues?.length ?? 0) > 0 && rest.length === 0;
  return { fields, rest: isPlaced ? null : [error.message, ...rest].join(' — ') };
}

export function BooksSettingsScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const canManage = hasPermission(me, 'settings.manage');
  const settings = useQuery('books.settings', {});
  const products = useQuery('loanProducts.list', { includeInactive: true }, hasPermission(me, 'loans.read'));
  const [accrual, setAccrual] = useState<Policy>('monthEnd');
  const [productAccrual, setProductAccrual] = useState<Record<string, Policy>>({});
  const [rows, setRows] = useState<BucketText[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  useEffect(() => {
    if (!settings.data) return;
    setAccrual(settings.data.accrual);
    setProductAccrual(settings.data.productAccrual);
    setRows(bucketsToText(settings.data.provisioning));
  }, [settings.data]);

  const setRow = (i: number, change: Partial<BucketText>) => {
    setRows((current) => current.map((r, j) => (j === i ? { ...r, ...change } : r)));
    setErrors((current) => {
      const next = { ...current };
      for (const field of Object.keys(change)) delete next[`${i}.${field}`];
      return next;
    });
  };

  async function save() {
    setMessage(null);
    const parsed = textToBuckets(rows);
    if (!parsed.ok) {
      setErrors(
        Object.fromEntries(
          Object.entries(parsed.errors).map(([k, problem]) => [k, t(`books.settings.problem.${problem}`)]),
        ),
      );
      return;
    }
    setErrors({});
    setRows(parsed.rows);
    setBusy(true);
    const result = await api.call('books.updateSettings', {
      accrual,
      productAccrual,
      provisioning: parsed.buckets,
    });
    setBusy(false);
    if (result.error) {
      const placed = placeIssues(result.error);
      setErrors(placed.fields);
      setMessage(placed.rest);
      return;
    }
    notifications.show({ color: 'teal', message: t('books.settings.saved') });
    void settings.reload();
  }

  const policyOptions = accrualPolicies.map((p) => ({ value: p, label: t(`books.accrual.${p}`) }));
  return (
    <Stack>
      <BooksNav me={me} current="settings" />
      <Title order={2} size="h3">
        {t('books.settings.title')}
      </Title>
      <ErrorAlert message={settings.error ?? products.error} />
      {settings.data === null ? (
        <Text c="dimmed">{t('common.loading')}</Text>
      ) : (
        <form
          noValidate
          aria-label={t('books.settings.title')}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Stack maw={1000}>
            <Title order={3} size="h4">
              {t('books.settings.accrualTitle')}
            </Title>
            <Select
              label={t('books.settings.accrual')}
              description={t('books.settings.accrualHint')}
              w={360}
              allowDeselect={false}
              disabled={!canManage}
              data={policyOptions}
              value={accrual}
              onChange={(v) => v && setAccrual(v as Policy)}
              error={errors.accrual}
            />
            {(products.data ?? []).length > 0 ? (
              <Table verticalSpacing={4} aria-label={t('books.settings.productAccrual')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('books.mappings.product')}</Table.Th>
                    <Table.Th>{t('books.settings.productAccrual')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(products.data ?? []).map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        {p.code} · {p.name}
                      </Table.Td>
                      <Table.Td>
                        <Select
                          aria-label={t('books.settings.productAccrualOf', { product: p.name })}
                          w={300}
                          disabled={!canManage}
                          data={[
                            { value: 'default', label: t('books.settings.asDefault') },
                            ...policyOptions,
                          ]}
                          allowDeselect={false}
                          value={productAccrual[p.id] ?? 'default'}
                          onChange={(v) =>
                            setProductAccrual(({ [p.id]: _old, ...rest }) =>
                              !v || v === 'default' ? rest : { ...rest, [p.id]: v as Policy },
                            )
                          }
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : null}
            <Title order={3} size="h4">
              {t('books.settings.bucketsTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('books.settings.bucketsHint')}
            </Text>
            <Table verticalSpacing={4} aria-label={t('books.settings.bucketsTitle')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('books.provisioning.bucket')}</Table.Th>
                  <Table.Th>{t('books.settings.fromDays')}</Table.Th>
                  <Table.Th>{t('books.settings.toDays')}</Table.Th>
                  <Table.Th>{t('books.provisioning.rate')}</Table.Th>
                  {canManage ? <Table.Th w={40} /> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row, i) => (
                  <Table.Tr key={i} data-testid={`bucket-${i + 1}`}>
                    {bucketFields.map((field) => (
                      <Table.Td key={field} style={{ verticalAlign: 'top' }}>
                        <TextInput
                          aria-label={t(`books.settings.cell.${field}`, { n: i + 1 })}
                          disabled={!canManage}
                          inputMode={field === 'name' ? undefined : 'decimal'}
                          placeholder={field === 'toDays' ? t('books.settings.noUpperBound') : undefined}
                          rightSection={field === 'ratePercent' ? <Text size="xs">%</Text> : undefined}
                          maxLength={field === 'name' ? 40 : 9}
                          value={row[field]}
                          onChange={(e) => setRow(i, { [field]: e.currentTarget.value })}
                          error={errors[`${i}.${field}`]}
                        />
                      </Table.Td>
                    ))}
                    {canManage ? (
                      <Table.Td style={{ verticalAlign: 'top' }}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          mt={4}
                          aria-label={t('books.settings.removeBucket', { n: i + 1 })}
                          disabled={rows.length <= 1}
                          onClick={() => {
                            setRows((current) => current.filter((_, j) => j !== i));
                            setErrors({});
                          }}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <ErrorAlert message={message} />
            {canManage ? (
              <Group justify="space-between">
                <Button
                  variant="subtle"
                  leftSection={<IconPlus size={16} />}
                  disabled={rows.length >= maxBuckets}
                  onClick={() =>
                    setRows((current) => [
                      ...current,
                      { name: '', fromDays: '', toDays: '', ratePercent: '' },
                    ])
                  }
                >
                  {t('books.settings.addBucket')}
                </Button>
                <Button type="submit" loading={isBusy}>
                  {t('common.save')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        </form>
      )}
    </Stack>
  );
}
