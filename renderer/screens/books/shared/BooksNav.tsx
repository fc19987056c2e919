// The tabs over the books: the chart of accounts, the journal, manual journals, periods, provisioning, the books
// settings and the checks. Each is its own route (a link opens it directly) and shows only to whoever may read
// it; what a person may change on a tab is decided by the tab itself.
import { Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Permission } from '../../../../shared/permissions';
import { hasPermission, type Me } from '../../../stores/session';

export type BooksArea =
  'accounts' | 'journal' | 'manual' | 'periods' | 'provisioning' | 'settings' | 'verify';

/** Each area's path and the permission its reading needs (the contract's `access` of its query). */
export const booksAreas: readonly { area: BooksArea; path: string; permission: Permission }[] = [
  { area: 'accounts', path: '/books', permission: 'reports.read' },
  { area: 'journal', path: '/books/journal', permission: 'reports.read' },
  { area: 'manual', path: '/books/manual', permission: 'reports.read' },
  { area: 'periods', path: '/books/periods', permission: 'reports.read' },
  { area: 'provisioning', path: '/books/provisioning', permission: 'reports.read' },
  { area: 'settings', path: '/books/settings', permission: 'reports.read' },
  { area: 'verify', path: '/books/verify', permission: 'reports.read' },
];

export function BooksNav({ me, current }: { me: Me; current: BooksArea }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const areas = booksAreas.filter((a) => hasPermission(me, a.permission));
  return (
    <>
      <Title order={1} size="h2">
        {t('books.title')}
      </Title>
      <Tabs
        value={current}
        onChange={(v) => {
          const target = areas.find((a) => a.area === v);
          if (target) void navigate(target.path);
        }}
      >
        <Tabs.List aria-label={t('books.area.label')}>
          {areas.map(({ area }) => (
            <Tabs.Tab key={area} value={area}>
              {t(`books.area.${area}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
    </>
  );
}
