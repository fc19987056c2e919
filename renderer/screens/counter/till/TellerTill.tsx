// The teller's own till: ask to open it with opening cash (a manager confirms the hand-over), work with it open
// (balance, movements, cash in/out), count it to close, wait for the manager's approval, then print its report.
// While the till waits for a manager it asks again every 5 s (for at most 10 minutes; "Check again" after).
import { Alert, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCashBanknote, IconMinus, IconPlus } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoanSettings, TillView } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { Me } from '../../../stores/session';
import { parseCounterAmount } from '../shared/amount';
import { AmountField } from '../shared/AmountField';
import type { CounterFormat } from '../shared/format';
import { PdfButtons } from '../shared/PdfButtons';
import { useCurrentTill, type CurrentTill } from '../shared/useCurrentTill';
import { CashMoveModal } from './CashMoveModal';
import { CountForm } from './CountForm';
import { TillMovements } from './TillMovements';

const waitPollMs = 5_000;
const waitPollLimitMs = 10 * 60_000;

function OpenTillForm({ format, onOpened }: { format: CounterFormat; onOpened(till: TillView): void }) {
  const { t } = useTranslation();
  const [amountText, setAmountText] = useState('');
  const [isSubmitted, setSubmitted] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const parsed = parseCounterAmount(amountText, format.digits, format.locale, { allowZero: true });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!parsed.ok || isBusy) return;
    setBusy(true);
    const result = await api.call('till.open', { openingMinor: parsed.minor });
    setBusy(false);
    if (result.error) return setMessage(result.error.message);
    onOpened(result.data);
  }

  return (
    <Paper withBorder p="md" maw={520}>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('counter.tillScreen.open.title')}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('counter.tillScreen.open.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('counter.tillScreen.open.hint')}
          </Text>
          <ErrorAlert message={message} />
          <AmountField
            label={t('counter.tillScreen.open.opening', { currency: format.currency })}
            value={amountText}
            onChange={setAmountText}
            parsed={parsed}
            currency={format.currency}
            showError={isSubmitted}
            autoFocus
            data-autofocus
            required
          />
          <Group>
            <Button type="submit" loading={isBusy} leftSection={<IconCashBanknote size={18} />}>
              {t('counter.tillScreen.open.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

/** Asks for the till again while it waits for a manager, so the teller sees the confirmation arrive. */
function useWaitingPoll(current: CurrentTill) {
  const status = current.till?.status;
  const isWaiting = status === 'requested' || status === 'closing';
  const [hasGivenUp, setGivenUp] = useState(false);
  const { reload } = current;
  useEffect(() => {
    if (!isWaiting) return;
    setGivenUp(false);
    const startedAt = Date.now();
    const timer = window.setInterval(() => {
      if (Date.now() - startedAt > waitPollLimitMs) {
        window.clearInterval(timer);
        setGivenUp(true);
      } else void reload();
    }, waitPollMs);
    return () => window.clearInterval(timer);
  }, [isWaiting, status, reload]);
  return hasGivenUp;
}

export function TellerTill({ me, format }: { me: Me; format: CounterFormat }) {
  const { t } = useTranslation();
  const current = useCurrentTill(me);
  const [settings, setSettings] = useState<LoanSettings | null>(null);
  const [isCounting, setCounting] = useState(false);
  const [moving, setMoving] = useState<'in' | 'out' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const hasGivenUp = useWaitingPoll(current);
  const till = current.till;

  async function startCount() {
    const result = await api.call('loanSettings.read', {});
    if (result.error) return setMessage(result.error.message);
    setSettings(result.data);
    setCounting(true);
  }

  const report = (tillId: string) => (
    <PdfButtons
      load={() => api.call('till.report', { tillId })}
      printLabel={t('counter.tillScreen.report.print')}
      saveLabel={t('counter.tillScreen.report.save')}
    />
  );

  if (current.isLoading) return <Loader aria-label={t('common.loading')} />;
  return (
    <Stack gap="md" data-testid="teller-till">
      <Title order={2} size="h3">
        {t('counter.tillScreen.mine')}
      </Title>
      <ErrorAlert message={current.error ?? message} />
      {!till ? (
        <>
          {current.lastTillId ? (
            <Paper withBorder p="md" maw={520}>
              <Stack gap="xs">
                <Text fw={600}>{t('counter.tillScreen.report.last')}</Text>
                {report(current.lastTillId)}
              </Stack>
            </Paper>
          ) : null}
          <OpenTillForm format={format} onOpened={current.adopt} />
        </>
      ) : (
        <>
          <Group gap="sm">
            <Badge size="lg" variant="light" color={till.status === 'open' ? 'teal' : 'yellow'}>
              {t(`counter.tillStatus.${till.status}`)}
            </Badge>
            <Text c="dimmed">{format.date(till.businessDate)}</Text>
          </Group>
          {till.status === 'requested' ? (
            <Alert color="yellow" role="status" data-testid="till-waiting">
              {t('counter.tillScreen.waitingOpen', {
                amount: format.money(till.openingMinor, till.currency),
              })}
            </Alert>
          ) : null}
          {till.status === 'closing' ? (
            <Alert color="yellow" role="status" data-testid="till-waiting">
              {t('counter.tillScreen.waitingClose')}
            </Alert>
          ) : null}
          {hasGivenUp ? (
            <Button variant="light" w="fit-content" onClick={() => void current.reload()}>
              {t('counter.tillScreen.checkAgain')}
            </Button>
          ) : null}
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Fact
              label={t('counter.tillScreen.opening')}
              value={format.money(till.openingMinor, till.currency)}
            />
            <Fact
              label={t('counter.tillScreen.balance')}
              value={format.money(till.balanceMinor, till.currency)}
              testId="till-balance"
            />
            {till.countedMinor !== null ? (
              <Fact
                label={t('counter.tillScreen.counted')}
                value={format.money(till.countedMinor, till.currency)}
              />
            ) : null}
            {till.varianceMinor !== null ? (
              <Fact
                label={t('counter.tillScreen.variance')}
                value={format.money(till.varianceMinor, till.currency)}
                testId="till-variance"
              />
            ) : null}
          </SimpleGrid>
          {till.status === 'open' && !isCounting ? (
            <Group gap="sm">
              <Button leftSection={<IconPlus size={16} />} variant="light" onClick={() => setMoving('in')}>
                {t('counter.tillScreen.cash.in')}
              </Button>
              <Button leftSection={<IconMinus size={16} />} variant="light" onClick={() => setMoving('out')}>
                {t('counter.tillScreen.cash.out')}
              </Button>
              <Button onClick={() => void startCount()}>{t('counter.tillScreen.countAndClose')}</Button>
            </Group>
          ) : null}
          {till.status === 'open' && isCounting && settings ? (
            <CountForm
              till={till}
              settings={settings}
              format={format}
              onCancel={() => setCounting(false)}
              onCounted={(counted) => {
                setCounting(false);
                current.adopt(counted);
              }}
            />
          ) : null}
          <Title order={3} size="h4">
            {t('counter.tillScreen.movements')}
          </Title>
          <TillMovements till={till} format={format} />
          {till.status === 'closing' ? report(till.id) : null}
        </>
      )}
      {moving && till ? (
        <CashMoveModal
          direction={moving}
          currency={till.currency}
          format={format}
          onClose={() => setMoving(null)}
          onMoved={(moved) => {
            setMoving(null);
            current.adopt(moved);
          }}
        />
      ) : null}
    </Stack>
  );
}
