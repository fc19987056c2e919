// #/counter — the teller's counter, built for a queue: the search is focused on arrival; Enter takes a loan,
// the amount is focused, Enter goes to Confirm, Enter posts, Enter prints the receipt; F2 is the next customer.
// `?loanId=` preselects a loan (links from a loan's page). The till's state is shown in a line at the top.
import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Me } from '../../../stores/session';
import { useCounterFormat, type CounterFormat } from '../shared/format';
import { useCurrentTill, type CurrentTill } from '../shared/useCurrentTill';
import { LoanDesk } from './LoanDesk';
import { LoanSearch } from './LoanSearch';

function TillLine({ till, format }: { till: CurrentTill; format: CounterFormat }) {
  const { t } = useTranslation();
  if (!till.canManage || till.isLoading) return null;
  const current = till.till;
  return (
    <Group gap="xs" data-testid="counter-till">
      <Text size="sm">
        {current?.status === 'open'
          ? t('counter.till.open', { balance: format.money(current.balanceMinor, current.currency) })
          : t(`counter.till.${current?.status ?? 'none'}`)}
      </Text>
      <Anchor href="#/till" size="sm">
        {t('counter.till.goTo')}
      </Anchor>
    </Group>
  );
}

export function CounterScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const format = useCounterFormat(me);
  const till = useCurrentTill(me);
  const [params, setParams] = useSearchParams();
  const loanId = params.get('loanId');
  const searchRef = useRef<HTMLInputElement>(null);
  // Taking the same loan again starts afresh (a new form, a new idempotency key).
  const [selection, setSelection] = useState(0);

  const nextCustomer = () => {
    searchRef.current?.focus();
    searchRef.current?.select();
  };
  useHotkeys([['F2', nextCustomer]], []);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('counter.title')}
        </Title>
        <TillLine till={till} format={format} />
      </Group>
      <LoanSearch
        inputRef={searchRef}
        format={format}
        onSelect={(loan) => {
          setSelection((n) => n + 1);
          setParams({ loanId: loan.id });
        }}
      />
      {loanId ? (
        <LoanDesk
          key={`${loanId}:${selection}`}
          loanId={loanId}
          till={till}
          format={format}
          onNextCustomer={nextCustomer}
        />
      ) : null}
    </Stack>
  );
}
