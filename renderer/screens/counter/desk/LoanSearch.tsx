// The counter's search box: focused on arrival, `loans.find` as you type (150 ms after the last key), the
// matches below it. ↑/↓ move through them, Enter takes the highlighted loan, Esc clears. A combobox for
// screen readers: the input owns the list and says which option is active.
import { Badge, Group, Loader, Paper, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoanSummary } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { CounterFormat } from '../shared/format';
import { LoanStatusBadge } from './LoanStatusBadge';

const listId = 'counter-loan-matches';
const findLimit = 10;

interface Props {
  inputRef: RefObject<HTMLInputElement | null>;
  format: CounterFormat;
  onSelect(loan: LoanSummary): void;
}

/** The matches of a query; `forQuery` says which query they answer (answers to older queries are dropped). */
function useLoanMatches(query: string) {
  const [found, setFound] = useState<{ forQuery: string; matches: LoanSummary[] }>({
    forQuery: '',
    matches: [],
  });
  const [isLoading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const trimmed = query.trim().slice(0, 100);
    if (trimmed === '') {
      setFound({ forQuery: '', matches: [] });
      setError(null);
      return;
    }
    let isCurrent = true;
    setLoading(true);
    void api.call('loans.find', { query: trimmed, limit: findLimit }).then((result) => {
      if (!isCurrent) return;
      setLoading(false);
      setError(result.error ? result.error.message : null);
      setFound({ forQuery: trimmed, matches: result.data ?? [] });
    });
    return () => {
      isCurrent = false;
    };
  }, [query]);
  return { ...found, isLoading, error };
}

const columns = 'minmax(9rem,1.1fr) minmax(10rem,1.6fr) minmax(7rem,1fr) 7rem repeat(3,minmax(7rem,1fr))';

export function LoanSearch({ inputRef, format, onSelect }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [isOpen, setOpen] = useState(false);
  const [debounced] = useDebouncedValue(query, 150);
  const { matches, forQuery, isLoading, error } = useLoanMatches(debounced);
  const [active, setActive] = useState(0);
  // Enter pressed before the matches of what was typed arrived: take the first of them when they do.
  const [pendingEnter, setPendingEnter] = useState<string | null>(null);
  const typed = query.trim().slice(0, 100);
  const shown = isOpen && typed !== '';

  useEffect(() => setActive(0), [matches]);

  const choose = (loan: LoanSummary | undefined) => {
    if (!loan) return;
    setOpen(false);
    onSelect(loan);
  };

  useEffect(() => {
    if (pendingEnter === null || pendingEnter !== forQuery || isLoading) return;
    setPendingEnter(null);
    choose(matches[0]);
  }, [pendingEnter, forQuery, isLoading, matches]);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (matches.length === 0 ? 0 : (i + step + matches.length) % matches.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (typed === '') return;
      if (forQuery === typed && !isLoading) choose(matches[active]);
      else setPendingEnter(typed);
    } else if (event.key === 'Escape') {
      setQuery('');
      setOpen(false);
    }
  }

  const activeId = shown && matches[active] ? `${listId}-${active}` : undefined;
  return (
    <Stack gap="xs">
      <TextInput
        ref={inputRef}
        label={t('counter.search.label')}
        description={t('counter.search.keys')}
        placeholder={t('counter.search.placeholder')}
        leftSection={<IconSearch size={16} />}
        rightSection={isLoading ? <Loader size="xs" /> : null}
        autoFocus
        data-autofocus
        autoComplete="off"
        size="md"
        value={query}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setPendingEnter(null);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        aria-keyshortcuts="F2"
      />
      <ErrorAlert message={shown ? error : null} />
      {shown ? (
        <Paper withBorder>
          <div
            style={{
              display: 'grid',
              gridTemplateColumns: columns,
              gap: 8,
              padding: '6px 12px',
              borderBottom: '1px solid var(--mantine-color-gray-3)',
            }}
            aria-hidden
          >
            {(['account', 'customer', 'phone', 'status', 'nextDue', 'overdue', 'payoff'] as const).map(
              (c) => (
                <Text key={c} size="xs" c="dimmed" tt="uppercase">
                  {t(`counter.search.columns.${c}`)}
                </Text>
              ),
            )}
          </div>
          <div id={listId} role="listbox" aria-label={t('counter.search.matches')}>
            {matches.map((loan, index) => (
              <UnstyledButton
                key={loan.id}
                id={`${listId}-${index}`}
                role="option"
                tabIndex={-1}
                aria-selected={index === active}
                onMouseEnter={() => setActive(index)}
                onClick={() => choose(loan)}
                w="100%"
                style={{
                  display: 'grid',
                  gridTemplateColumns: columns,
                  gap: 8,
                  padding: '8px 12px',
                  alignItems: 'center',
                  background: index === active ? 'var(--mantine-color-teal-0)' : undefined,
                }}
              >
                <Text ff="monospace" size="sm">
                  {loan.accountNo ?? loan.applicationNo}
                </Text>
                <Text size="sm" fw={500} truncate>
                  {loan.customerName}
                  <Text span size="xs" c="dimmed" ml={6}>
                    {loan.customerNumber}
                  </Text>
                </Text>
                <Text size="sm">{loan.phone ?? '—'}</Text>
                <LoanStatusBadge loan={loan} />
                <Text size="sm">
                  {loan.nextDueDate ? format.money(loan.nextDueMinor, loan.currency, loan.digits) : '—'}
                  {loan.nextDueDate ? (
                    <Text span size="xs" c="dimmed" display="block">
                      {format.date(loan.nextDueDate)}
                    </Text>
                  ) : null}
                </Text>
                <Text size="sm" c={loan.overdueTotalMinor > 0 ? 'red.7' : undefined}>
                  {format.money(loan.overdueTotalMinor, loan.currency, loan.digits)}
                </Text>
                <Text size="sm">{format.money(loan.payoffMinor, loan.currency, loan.digits)}</Text>
              </UnstyledButton>
            ))}
          </div>
          {!isLoading && forQuery === typed && matches.length === 0 && !error ? (
            <Group p="sm">
              <Badge variant="light" color="gray">
                {t('counter.search.none', { query: typed })}
              </Badge>
            </Group>
          ) : null}
        </Paper>
      ) : null}
    </Stack>
  );
}
