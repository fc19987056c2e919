// Communications: log a call, visit, SMS or e-mail, and the history, newest first.
import { Badge, Button, Group, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyServerError } from '../../../components/serverErrors';
import type { BranchFormat } from '../shared/format';

const channels = ['call', 'visit', 'sms', 'email'] as const;
const directions = ['outbound', 'inbound'] as const;

function LogForm({ customerId, onLogged }: { customerId: string; onLogged(): void }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      channel: 'call' as (typeof channels)[number],
      direction: 'outbound' as (typeof directions)[number],
      subject: '',
      note: '',
    },
  });
  const submit = form.onSubmit(async (values) => {
    setMessage(null);
    const result = await api.call('communications.log', {
      customerId,
      ...values,
      note: values.note || undefined,
    });
    if (result.error) return setMessage(applyServerError(form, result.error));
    form.reset();
    onLogged();
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('customers.communications.log')}>
      <Stack maw={720}>
        <ErrorAlert message={message} />
        <Group align="flex-start">
          <Select
            label={t('customers.communications.channel')}
            allowDeselect={false}
            w={140}
            data={channels.map((c) => ({ value: c, label: t(`customers.channel.${c}`) }))}
            {...form.getInputProps('channel')}
          />
          <Select
            label={t('customers.communications.direction')}
            allowDeselect={false}
            w={140}
            data={directions.map((d) => ({ value: d, label: t(`customers.direction.${d}`) }))}
            {...form.getInputProps('direction')}
          />
          <TextInput
            label={t('customers.communications.subject')}
            required
            style={{ flex: 1 }}
            {...form.getInputProps('subject')}
          />
        </Group>
        <Textarea
          label={t('customers.communications.note')}
          autosize
          minRows={2}
          {...form.getInputProps('note')}
        />
        <Group justify="flex-end">
          <Button type="submit">{t('customers.communications.log')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CommunicationsTab({
  customerId,
  format,
  canWrite,
}: {
  customerId: string;
  format: BranchFormat;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<OutputOf<'communications.list'> | null>(null);
  const load = useCallback(async () => {
    const result = await api.call('communications.list', { customerId });
    if (result.data) setRows(result.data);
  }, [customerId]);
  useEffect(() => void load(), [load]);
  return (
    <Stack>
      {canWrite ? <LogForm customerId={customerId} onLogged={() => void load()} /> : null}
      {rows?.length === 0 ? <Text c="dimmed">{t('customers.communications.none')}</Text> : null}
      {rows && rows.length > 0 ? (
        <Table striped aria-label={t('customers.tabs.communications')}>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td w={180}>{format.instant(r.occurredAt)}</Table.Td>
                <Table.Td w={160}>
                  <Badge variant="light">
                    {t(`customers.channel.${r.channel}`, { defaultValue: r.channel })}
                  </Badge>{' '}
                  <Text span size="xs" c="dimmed">
                    {t(`customers.direction.${r.direction}`, { defaultValue: r.direction })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {r.subject}
                  </Text>
                  {r.note ? (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {r.note}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td w={140}>
                  {r.isSystem ? t('customers.communications.system') : (r.staff ?? '')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
