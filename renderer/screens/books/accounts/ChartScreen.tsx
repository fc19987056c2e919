// #/books — the chart of accounts as a tree (each account under its heading), with its type, the posting rules'
// role it carries, whether it is a heading or a control account, whether it is active and has postings.
// Administrators (settings.manage) add and edit accounts and deactivate or reactivate them (never delete: an
// account with postings stays; an account carrying a posting rule's role is not offered for deactivation). Below, each product's own accounts for the posting rules (ProductMappings).
import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlAccountView } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { hasPermission, type Me } from '../../../stores/session';
import { BooksNav } from '../shared/BooksNav';
import { useQuery } from '../shared/useQuery';
import { AccountForm } from './AccountForm';
import { accountTree } from './accountTree';
import { ProductMappings } from './ProductMappings';

export function ChartScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const accounts = useQuery('books.accounts', {});
  const canManage = hasPermission(me, 'settings.manage');
  const [editing, setEditing] = useState<GlAccountView | 'new' | null>(null);
  const [toggling, setToggling] = useState<GlAccountView | null>(null);
  const [isToggleBusy, setToggleBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useHotkeys([['alt+N', () => canManage && setEditing('new')]]);

  async function toggleActive(account: GlAccountView) {
    setToggleBusy(true);
    const result = await api.call('books.saveAccount', {
      code: account.code,
      name: account.name,
      type: account.type,
      parentCode: account.parentCode,
      isHeader: account.isHeader,
      isActive: !account.isActive,
    });
    setToggleBusy(false);
    setToggling(null);
    if (result.error) return setError(result.error.message);
    setError(null);
    notifications.show({
      color: 'teal',
      message: t(result.data.isActive ? 'books.accounts.reactivated' : 'books.accounts.deactivated', {
        code: account.code,
      }),
    });
    void accounts.reload();
  }

  const rows = accountTree(accounts.data ?? []);
  return (
    <Stack>
      <BooksNav me={me} current="accounts" />
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('books.accounts.title')}
        </Title>
        {canManage ? (
          <Button
            leftSection={<IconPlus size={18} />}
            onClick={() => setEditing('new')}
            aria-keyshortcuts="Alt+N"
            title="Alt+N"
          >
            {t('books.accounts.new')}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert message={accounts.error ?? error} />
      {accounts.data === null ? (
        <Text c="dimmed">{t('common.loading')}</Text>
      ) : rows.length === 0 ? (
        <Text>{t('books.accounts.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table
            highlightOnHover
            verticalSpacing={4}
            style={{ whiteSpace: 'nowrap' }}
            aria-label={t('books.accounts.title')}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('books.field.code')}</Table.Th>
                <Table.Th>{t('books.field.name')}</Table.Th>
                <Table.Th>{t('books.field.type')}</Table.Th>
                <Table.Th>{t('books.field.role')}</Table.Th>
                <Table.Th>{t('books.accounts.kind')}</Table.Th>
                <Table.Th>{t('books.field.status')}</Table.Th>
                <Table.Th>{t('books.accounts.hasPostings')}</Table.Th>
                {canManage ? <Table.Th>{t('books.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ account: a, depth }) => (
                <Table.Tr
                  key={a.code}
                  data-testid={`account-${a.code}`}
                  c={a.isActive ? undefined : 'dimmed'}
                >
                  <Table.Td ff="monospace" style={{ paddingLeft: `calc(${depth} * 1.25rem + 0.5rem)` }}>
                    {a.code}
                  </Table.Td>
                  <Table.Td fw={a.isHeader ? 700 : undefined}>{a.name}</Table.Td>
                  <Table.Td>{t(`books.type.${a.type}`)}</Table.Td>
                  <Table.Td>{a.role ? t(`books.role.${a.role}`, { defaultValue: a.role }) : '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {a.isHeader ? (
                        <Badge miw="max-content" variant="light" color="gray">
                          {t('books.accounts.heading')}
                        </Badge>
                      ) : null}
                      {a.isControl ? (
                        <Badge miw="max-content" variant="light" color="violet">
                          {t('books.accounts.control')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Badge miw="max-content" variant="light" color={a.isActive ? 'teal' : 'gray'}>
                      {t(a.isActive ? 'books.accounts.active' : 'books.accounts.inactive')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{a.hasPostings ? t('common.yes') : t('common.no')}</Table.Td>
                  {canManage ? (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-sm" variant="subtle" onClick={() => setEditing(a)}>
                          {t('books.accounts.edit')}
                        </Button>
                        {/* An account carrying a posting rule's role stays active (the core refuses). */}
                        {a.role && a.isActive ? null : (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color={a.isActive ? 'red' : 'teal'}
                            onClick={() => setToggling(a)}
                          >
                            {t(a.isActive ? 'books.accounts.deactivate' : 'books.accounts.reactivate')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {hasPermission(me, 'loans.read') && accounts.data ? (
        <ProductMappings accounts={accounts.data} canManage={canManage} />
      ) : null}
      {editing ? (
        <AccountForm
          account={editing === 'new' ? null : editing}
          accounts={accounts.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            notifications.show({ color: 'teal', message: t('books.accounts.saved', { code: saved.code }) });
            void accounts.reload();
          }}
        />
      ) : null}
      <ConfirmModal
        opened={toggling !== null}
        title={t(toggling?.isActive ? 'books.accounts.deactivateTitle' : 'books.accounts.reactivateTitle', {
          code: toggling?.code,
        })}
        body={t(toggling?.isActive ? 'books.accounts.deactivateBody' : 'books.accounts.reactivateBody', {
          name: toggling?.name,
        })}
        confirmLabel={t(toggling?.isActive ? 'books.accounts.deactivate' : 'books.accounts.reactivate')}
        color={toggling?.isActive ? 'red' : 'teal'}
        isBusy={isToggleBusy}
        onConfirm={() => toggling && void toggleActive(toggling)}
        onClose={() => setToggling(null)}
      />
    </Stack>
  );
}
