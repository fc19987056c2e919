// #/customers/new: choose individual or business, then fill the form. The branch's default country comes from
// the customer settings.
import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBuildingStore, IconUser } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import type { Me } from '../../../stores/session';
import { useBranchFormat } from '../shared/format';
import { BusinessForm } from './BusinessForm';
import { IndividualForm } from './IndividualForm';

type Kind = 'individual' | 'business';

function KindChoice({ onChoose }: { onChoose(kind: Kind): void }) {
  const { t } = useTranslation();
  const choices = [
    { kind: 'individual' as const, icon: IconUser },
    { kind: 'business' as const, icon: IconBuildingStore },
  ];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} maw={720}>
      {choices.map(({ kind, icon: Icon }, i) => (
        <Card key={kind} withBorder padding="lg">
          <Stack align="flex-start">
            <Group gap="sm">
              <Icon size={28} />
              <Text fw={600}>{t(`customers.kind.${kind}`)}</Text>
            </Group>
            <Text size="sm" c="dimmed">
              {t(`customers.onboard.${kind}Hint`)}
            </Text>
            <Button autoFocus={i === 0} onClick={() => onChoose(kind)}>
              {t(`customers.onboard.choose.${kind}`)}
            </Button>
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}

export function OnboardScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const format = useBranchFormat(me);
  const [kind, setKind] = useState<Kind | null>(null);
  const [country, setCountry] = useState<string | null>(null);
  useEffect(() => {
    void api.call('customers.getSettings', {}).then((r) => setCountry(r.data?.defaultCountry ?? ''));
  }, []);

  const title = kind === null ? t('customers.onboard.title') : t(`customers.onboard.${kind}Title`);
  return (
    <Stack maw={1100}>
      <Title order={1} size="h2">
        {title}
      </Title>
      {kind === null || country === null ? (
        <KindChoice onChoose={setKind} />
      ) : kind === 'individual' ? (
        <IndividualForm format={format} country={country} onBack={() => setKind(null)} />
      ) : (
        <BusinessForm format={format} country={country} onBack={() => setKind(null)} />
      )}
    </Stack>
  );
}
