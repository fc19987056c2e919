// The end-of-day banner at the top of every signed-in page. It asks `eod.status` (a passive call: it does not
// keep an untouched window signed in) on arrival and then once a minute while the person is active; when the
// business date is behind the calendar it says so, with "Run end-of-day". Right after sign-in, when behind, it
// runs end-of-day once by itself (any signed-in person may). While a run is going — this one's or another
// person's — progress is asked for every 500 ms. Not responsible for what end-of-day does (the core's eod.run).
import { Alert, Button, CloseButton, Group, Progress, Stack, Text } from '@mantine/core';
import { IconCalendarClock, IconCalendarCheck } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { api } from '../../api/api';
import { formatBusinessDate } from '../../format';
import { useSession, type Me } from '../../stores/session';
import { useSyncStatus } from '../../stores/syncStatus';

type EodStatus = OutputOf<'eod.status'>;
type EodResult = OutputOf<'eod.run'>;

const pollEveryMs = 60_000;
const progressEveryMs = 500;
const activityEvents = ['keydown', 'pointerdown', 'wheel'] as const;
/** Set once per session and calendar day, so the automatic run happens once after sign-in, not on every page. */
const autoRunKey = 'lms.eod.autoRunFor';

function useEodStatus() {
  const [status, setStatus] = useState<EodStatus | null>(null);
  const poll = useCallback(async () => {
    const result = await api.call('eod.status', {});
    if (result.data) setStatus(result.data);
    return result.data ?? null;
  }, []);
  useEffect(() => {
    let wasActive = false;
    const markActive = () => {
      wasActive = true;
    };
    for (const name of activityEvents) window.addEventListener(name, markActive, { passive: true });
    void poll();
    const timer = window.setInterval(() => {
      if (!wasActive) return;
      wasActive = false;
      void poll();
    }, pollEveryMs);
    return () => {
      window.clearInterval(timer);
      for (const name of activityEvents) window.removeEventListener(name, markActive);
    };
  }, [poll]);
  return { status, poll };
}

export function EndOfDayBanner({ me }: { me: Me }) {
  const { t } = useTranslation();
  const locale = me.branch.locale;
  const { status, poll } = useEodStatus();
  const [isRunning, setRunning] = useState(false);
  const [result, setResult] = useState<EodResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const runningRef = useRef(false);
  const progress = status?.progress ?? null;
  const isSomeoneRunning = isRunning || progress !== null;

  const run = useCallback(async () => {
    if (runningRef.current) return;
    runningRef.current = true;
    setRunning(true);
    setError(null);
    setResult(null);
    const outcome = await api.call('eod.run', {});
    runningRef.current = false;
    setRunning(false);
    if (outcome.error) setError(outcome.error.message);
    else setResult(outcome.data);
    await poll();
    if (!outcome.error) {
      // The business date moved: the status bar and the screens that show it (from auth.me) catch up.
      void useSyncStatus.getState().poll();
      void useSession.getState().refresh();
    }
  }, [poll]);

  // While a run is going, its progress every 500 ms — the next ask only after the last answer, since a host
  // may answer eod.status only between the run's chunks (requests must not pile up behind a long run).
  useEffect(() => {
    if (!isSomeoneRunning) return;
    let isCurrent = true;
    let timer = 0;
    const next = () => {
      timer = window.setTimeout(async () => {
        await poll();
        if (isCurrent) next();
      }, progressEveryMs);
    };
    next();
    return () => {
      isCurrent = false;
      window.clearTimeout(timer);
    };
  }, [isSomeoneRunning, poll]);

  // Once after sign-in: behind, and not already run for this day in this session.
  useEffect(() => {
    if (!status?.isBehind || status.progress) return;
    const stamp = `${me.user.id}:${status.today}`;
    if (sessionStorage.getItem(autoRunKey) === stamp) return;
    sessionStorage.setItem(autoRunKey, stamp);
    void run();
  }, [status, me.user.id, run]);

  if (isSomeoneRunning) {
    const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
    return (
      <Alert color="blue" mb="md" icon={<IconCalendarClock size={20} />} data-testid="eod-banner">
        <Stack gap={6}>
          <Text role="status" aria-live="polite">
            {progress
              ? t('counter.eod.running', { done: progress.done, total: progress.total })
              : t('counter.eod.starting')}
          </Text>
          <Progress value={percent} animated aria-label={t('counter.eod.progress')} />
        </Stack>
      </Alert>
    );
  }
  if (result)
    return (
      <Alert color="teal" mb="md" icon={<IconCalendarCheck size={20} />} data-testid="eod-banner">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text role="status">
            {t('counter.eod.done', {
              businessDate: formatBusinessDate(result.businessDate, locale),
              loans: result.loansProcessed,
              reminders: result.remindersQueued,
            })}
          </Text>
          <CloseButton aria-label={t('common.close')} onClick={() => setResult(null)} />
        </Group>
      </Alert>
    );
  if (!status?.isBehind && !error) return null;
  return (
    <Alert
      color={error ? 'red' : 'yellow'}
      mb="md"
      icon={<IconCalendarClock size={20} />}
      data-testid="eod-banner"
    >
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={4}>
          {status?.isBehind ? (
            <Text>
              {t('counter.eod.behind', {
                businessDate: formatBusinessDate(status.businessDate, locale),
                today: formatBusinessDate(status.today, locale),
              })}
            </Text>
          ) : null}
          {error ? <Text role="alert">{t('counter.eod.failed', { message: error })}</Text> : null}
        </Stack>
        {status?.isBehind ? (
          <Button onClick={() => void run()} variant="filled" color="yellow.8">
            {t('counter.eod.run')}
          </Button>
        ) : null}
      </Group>
    </Alert>
  );
}
