// The live "debits = credits" check under a manual journal's lines: both totals, and either "Balanced" or by
// how much and which side is short. Announced politely to screen readers as it changes.
import { Badge, Group, Text } from '@mantine/core';
import { IconCheck, IconScale } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { JournalBalance } from './journalLines';

export function BalanceIndicator({
  balance,
  money,
}: {
  balance: JournalBalance;
  money(minor: number): string;
}) {
  const { t } = useTranslation();
  const difference = Math.abs(balance.differenceMinor);
  return (
    <Group gap="lg" role="status" aria-live="polite" data-testid="journal-balance">
      <Text size="sm">
        {t('books.manual.debits')}{' '}
        <Text span ff="monospace" fw={600}>
          {money(balance.debitMinor)}
        </Text>
      </Text>
      <Text size="sm">
        {t('books.manual.credits')}{' '}
        <Text span ff="monospace" fw={600}>
          {money(balance.creditMinor)}
        </Text>
      </Text>
      {balance.isBalanced ? (
        <Badge miw="max-content" color="teal" variant="light" leftSection={<IconCheck size={14} />}>
          {t('books.manual.balanced')}
        </Badge>
      ) : (
        <Badge miw="max-content" color="orange" variant="light" leftSection={<IconScale size={14} />}>
          {balance.differenceMinor === 0
            ? t('books.manual.empty')
            : t(balance.differenceMinor > 0 ? 'books.manual.creditsShort' : 'books.manual.debitsShort', {
                amount: money(difference),
              })}
        </Badge>
      )}
    </Group>
  );
}
