// The tabs over the loans area: the loans list, the reminders queue and (for whoever manages settings) the
// products. Each is its own route, so a link opens it directly.
import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { hasPermission, type Me } from '../../../stores/session';

export type LoansArea = 'list' | 'reminders' | 'products';
const paths: Record<LoansArea, string> = {
  list: '/loans',
  reminders: '/loans/reminders',
  products: '/loans/products',
};

export function LoansNav({ me, current }: { me: Me; current: LoansArea }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const areas: LoansArea[] = hasPermission(me, 'settings.manage')
    ? ['list', 'reminders', 'products']
    : ['list', 'reminders'];
  return (
    <Tabs value={current} onChange={(v) => v && void navigate(paths[v as LoansArea])}>
      <Tabs.List aria-label={t('loans.area.label')}>
        {areas.map((area) => (
          <Tabs.Tab key={area} value={area}>
            {t(`loans.area.${area}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
