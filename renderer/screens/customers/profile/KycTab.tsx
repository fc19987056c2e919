// KYC: the status, the documents the branch requires and which are missing, and — for an officer who may
// decide (not the one who onboarded the customer: four eyes) — Verify and Reject with a note.
import { Alert, Badge, Button, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerProfile } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { KycBadge } from '../shared/badges';
import type { BranchFormat } from '../shared/format';

interface Props {
  profile: CustomerProfile;
  format: BranchFormat;
  canVerify: boolean;
  onChanged(profile: CustomerProfile): void;
}

function Decision({ profile, onChanged }: { profile: CustomerProfile; onChanged(p: CustomerProfile): void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<'verified' | 'rejected' | null>(null);
  const [error, setError] = useState<{ message: string; isFourEyes: boolean } | null>(null);

  async function decide(decision: 'verified' | 'rejected') {
    setBusy(decision);
    setError(null);
    const result = await api.call('kyc.decide', {
      customerId: profile.id,
      decision,
      note: note.trim() || undefined,
    });
    setBusy(null);
    if (result.error)
      setError({ message: result.error.message, isFourEyes: result.error.reason === 'four_eyes' });
    else {
      setNote('');
      onChanged(result.data);
    }
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void decide('verified');
      }}
      aria-label={t('customers.kyc.decide')}
    >
      <Stack maw={560}>
        {error?.isFourEyes ? (
          <Alert color="orange" role="alert" title={t('customers.kyc.fourEyesTitle')}>
            {error.message}
          </Alert>
        ) : (
          <ErrorAlert message={error?.message ?? null} />
        )}
        <Textarea
          label={t('customers.kyc.note')}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group>
          <Button
            type="submit"
            color="teal"
            leftSection={<IconCheck size={16} />}
            loading={busy === 'verified'}
            disabled={busy !== null}
          >
            {t('customers.kyc.verify')}
          </Button>
          <Button
            color="red"
            variant="light"
            leftSection={<IconX size={16} />}
            loading={busy === 'rejected'}
            disabled={busy !== null}
            onClick={() => void decide('rejected')}
          >
            {t('customers.kyc.reject')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function KycTab({ profile, format, canVerify, onChanged }: Props) {
  const { t } = useTranslation();
  const { kyc } = profile;
  return (
    <Stack>
      <Group>
        <Text fw={600}>{t('customers.kyc.status')}</Text>
        <KycBadge status={kyc.status} />
        {kyc.decidedBy ? (
          <Text size="sm" c="dimmed">
            {t('customers.kyc.decidedBy', { who: kyc.decidedBy, when: format.instant(kyc.decidedAt) })}
          </Text>
        ) : null}
      </Group>
      {kyc.note ? <Text size="sm">{t('customers.kyc.noteWas', { note: kyc.note })}</Text> : null}
      {profile.idExpiryDate ? (
        <Text size="sm">{t('customers.kyc.idExpires', { date: format.date(profile.idExpiryDate) })}</Text>
      ) : null}
      <Text fw={600}>{t('customers.kyc.required')}</Text>
      <List spacing={4}>
        {kyc.requiredDocuments.map((d) => (
          <List.Item key={d}>
            <Group gap="xs">
              <Text>{t(`customers.documentKind.${d}`, { defaultValue: d })}</Text>
              {kyc.missingDocuments.includes(d) ? (
                <Badge color="red" variant="light">
                  {t('customers.kyc.missing')}
                </Badge>
              ) : (
                <Badge color="teal" variant="light">
                  {t('customers.kyc.present')}
                </Badge>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
      {canVerify && kyc.canDecide ? <Decision profile={profile} onChanged={onChanged} /> : null}
      {canVerify && !kyc.canDecide ? (
        <Alert color="gray" title={t('customers.kyc.fourEyesTitle')}>
          {t('customers.kyc.fourEyesHint')}
        </Alert>
      ) : null}
    </Stack>
  );
}
