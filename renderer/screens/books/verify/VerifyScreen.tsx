// #/books/verify — the books' invariants, checked by the core when the screen opens and on "Check again": every
// entry balances and is as it was posted, the kept balances equal the journal, the trial balance sums to zero,
// each loan's share of the portfolio equals its principal, and the tills and vault hold what the cash accounts
// say. Each check shows ✓ or ✗, with its problems (the first twenty).
import { Button, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconRefresh, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { Me } from '../../../stores/session';
import { BooksNav } from '../shared/BooksNav';
import { useQuery } from '../shared/useQuery';

/** The core names its checks in lower case, as clauses; on screen each is a sentence. */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function VerifyScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const checks = useQuery('books.verify', {});
  const isAllOk = checks.data?.every((c) => c.isOk) ?? false;
  return (
    <Stack>
      <BooksNav me={me} current="verify" />
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('books.verify.title')}
        </Title>
        <Button
          variant="light"
          leftSection={<IconRefresh size={16} />}
          loading={checks.isLoading}
          onClick={() => void checks.reload()}
        >
          {t('books.verify.run')}
        </Button>
      </Group>
      <ErrorAlert message={checks.error} />
      {checks.data === null ? (
        <Text c="dimmed">{t('common.loading')}</Text>
      ) : (
        <>
          <Text fw={600} c={isAllOk ? 'teal' : 'red'} role="status" data-testid="verify-summary">
            {isAllOk
              ? t('books.verify.allOk')
              : t('books.verify.failed', { count: checks.data.filter((c) => !c.isOk).length })}
          </Text>
          <Stack gap="xs" maw={1000} role="list" aria-label={t('books.verify.title')}>
            {checks.data.map((check) => (
              <Paper key={check.name} withBorder p="sm" role="listitem" data-testid="books-check">
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <ThemeIcon
                    role="img"
                    color={check.isOk ? 'teal' : 'red'}
                    variant="light"
                    radius="xl"
                    aria-label={check.isOk ? t('books.verify.ok') : t('books.verify.notOk')}
                  >
                    {check.isOk ? <IconCheck size={16} /> : <IconX size={16} />}
                  </ThemeIcon>
                  <Stack gap={4}>
                    <Text fw={500}>
                      {t(`books.verify.check.${check.name}`, { defaultValue: sentence(check.name) })}
                    </Text>
                    {check.problems.length > 0 ? (
                      <List size="sm" c="red">
                        {check.problems.map((problem) => (
                          <List.Item key={problem}>{problem}</List.Item>
                        ))}
                      </List>
                    ) : null}
                  </Stack>
                </Group>
              </Paper>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}
