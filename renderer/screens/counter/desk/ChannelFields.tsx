// How the money moves: cash (into or out of the teller's open till) or a transfer with its reference. When cash
// is chosen and the teller has no open till, it says so in words, with the way to the till.
import { Alert, Anchor, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconCashOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TillView } from '../../../../shared/contract';
import type { CurrentTill } from '../shared/useCurrentTill';

export type Channel = 'cash' | 'transfer';

interface Props {
  channel: Channel;
  onChannelChange(channel: Channel): void;
  reference: string;
  onReferenceChange(reference: string): void;
  referenceError?: string | null;
  till: CurrentTill;
}

/** Whether cash can move through the teller's till now (unknown when the person has no till permission). */
export function cashBlocked(till: CurrentTill): TillView['status'] | 'none' | null {
  if (!till.canManage || till.isLoading) return null;
  if (!till.till) return 'none';
  return till.till.status === 'open' ? null : till.till.status;
}

export function ChannelFields(props: Props) {
  const { t } = useTranslation();
  const blocked = props.channel === 'cash' ? cashBlocked(props.till) : null;
  return (
    <Stack gap="xs">
      <div>
        <Text size="sm" fw={500} id="counter-channel-label" mb={4}>
          {t('counter.channel.label')}
        </Text>
        <SegmentedControl
          aria-labelledby="counter-channel-label"
          value={props.channel}
          onChange={(value) => props.onChannelChange(value as Channel)}
          data={[
            { value: 'cash', label: t('counter.channel.cash') },
            { value: 'transfer', label: t('counter.channel.transfer') },
          ]}
        />
      </div>
      {props.channel === 'transfer' ? (
        <TextInput
          label={t('counter.channel.reference')}
          description={t('counter.channel.referenceHint')}
          required
          maxLength={80}
          autoComplete="off"
          value={props.reference}
          onChange={(e) => props.onReferenceChange(e.currentTarget.value)}
          error={props.referenceError}
        />
      ) : null}
      {blocked ? (
        <Alert color="orange" icon={<IconCashOff size={18} />} role="alert" data-testid="no-open-till">
          {t(`counter.channel.noTill.${blocked}`)}{' '}
          <Anchor href="#/till">{t('counter.channel.goToTill')}</Anchor>
        </Alert>
      ) : null}
    </Stack>
  );
}
