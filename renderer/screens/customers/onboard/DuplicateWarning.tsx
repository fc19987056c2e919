// Shows the customers that are, or look like, the one being onboarded, each linking to its profile.
import { Alert, Anchor, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCheck } from './useDuplicateCheck';

type Match = DuplicateCheck['likely'][number];

export function DuplicateList({ matches }: { matches: readonly Match[] }) {
  return (
    <List size="sm" spacing={2}>
      {matches.map((m) => (
        <List.Item key={m.customer.id}>
          <Anchor href={`#/customers/${m.customer.id}`} target="_blank" rel="noreferrer">
            {m.customer.displayName}
          </Anchor>{' '}
          <Text span size="sm" c="dimmed">
            {m.customer.customerNo} — {m.why}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

export function DuplicateWarning({ check }: { check: DuplicateCheck }) {
  const { t } = useTranslation();
  const matches = check.exact ? [check.exact, ...check.likely] : check.likely;
  if (matches.length === 0) return null;
  return (
    <Alert
      color={check.exact ? 'red' : 'yellow'}
      icon={<IconAlertTriangle size={18} />}
      title={t(check.exact ? 'customers.duplicates.exactTitle' : 'customers.duplicates.likelyTitle')}
      role="status"
      data-testid="duplicate-warning"
    >
      <DuplicateList matches={matches} />
    </Alert>
  );
}
