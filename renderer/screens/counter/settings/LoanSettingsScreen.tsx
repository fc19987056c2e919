// #/counter/settings — the loan settings a branch administrator or manager keeps (`loanSettings.read/update`):
// how many days ahead payment reminders go out and their wording per language (with placeholders), the notes and
// coins the till count offers, and the till variance a teller may leave without a note.
import {
  ActionIcon,
  Alert,
  Button,
  Code,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoanSettings } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { Me } from '../../../stores/session';
import { minorToAmountText, parseCounterAmount } from '../shared/amount';
import { AmountField } from '../shared/AmountField';
import { useCounterFormat } from '../shared/format';
import { denominationsFromTexts } from './denominations';

const languages = ['en', 'fr'] as const;
const placeholders = ['{{name}}', '{{amount}}', '{{dueDate}}', '{{accountNo}}'];

interface Draft {
  daysAhead: number | string;
  templates: Record<string, { dueSoon: string; overdue: string }>;
  denominations: string[];
  tolerance: string;
}

function draftOf(settings: LoanSettings, digits: number): Draft {
  const templates: Draft['templates'] = {};
  for (const language of new Set([...languages, ...Object.keys(settings.reminderTemplates)]))
    templates[language] = settings.reminderTemplates[language] ?? { dueSoon: '', overdue: '' };
  return {
    daysAhead: settings.reminderDaysAhead,
    templates,
    denominations: settings.denominations.map((d) => minorToAmountText(d, digits)),
    tolerance: minorToAmountText(settings.tillVarianceToleranceMinor, digits),
  };
}

export function LoanSettingsScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const format = useCounterFormat(me);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [isSaved, setSaved] = useState(false);
  const [isSubmitted, setSubmitted] = useState(false);
  const [isBusy, setBusy] = useState(false);

  useEffect(() => {
    void api.call('loanSettings.read', {}).then((result) => {
      if (result.error) setMessage(result.error.message);
      else setDraft(draftOf(result.data, format.digits));
    });
  }, [format.digits]);

  if (!draft) return message ? <ErrorAlert message={message} /> : null;

  const denominations = denominationsFromTexts(draft.denominations, format.digits, format.locale);
  const tolerance = parseCounterAmount(draft.tolerance, format.digits, format.locale, { allowZero: true });
  const change = (next: Partial<Draft>) => {
    setDraft({ ...draft, ...next });
    setSaved(false);
  };
  const setTemplate = (language: string, which: 'dueSoon' | 'overdue', text: string) =>
    change({
      templates: { ...draft.templates, [language]: { ...draft.templates[language]!, [which]: text } },
    });
  const missingTemplate = Object.values(draft.templates).some((x) => !x.dueSoon.trim() || !x.overdue.trim());

  async function save(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (
      !draft ||
      !denominations.ok ||
      !tolerance.ok ||
      missingTemplate ||
      typeof draft.daysAhead !== 'number'
    )
      return;
    setBusy(true);
    setMessage(null);
    const result = await api.call('loanSettings.update', {
      reminderDaysAhead: draft.daysAhead,
      reminderTemplates: draft.templates,
      denominations: denominations.values,
      tillVarianceToleranceMinor: tolerance.minor,
    });
    setBusy(false);
    if (result.error) return setMessage(result.error.message);
    setDraft(draftOf(result.data, format.digits));
    setSubmitted(false);
    setSaved(true);
  }

  return (
    <form onSubmit={(e) => void save(e)} noValidate aria-label={t('counter.settings.title')}>
      <Stack gap="md" maw={880}>
        <Title order={1} size="h2">
          {t('counter.settings.title')}
        </Title>
        <ErrorAlert message={message} />
        {isSaved ? (
          <Alert color="teal" role="status">
            {t('counter.settings.saved')}
          </Alert>
        ) : null}
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('counter.settings.reminders')}
            </Title>
            <NumberInput
              label={t('counter.settings.daysAhead')}
              description={t('counter.settings.daysAheadHint')}
              min={0}
              max={60}
              allowDecimal={false}
              allowNegative={false}
              maw={240}
              value={draft.daysAhead}
              onChange={(value) => change({ daysAhead: value })}
              error={
                isSubmitted && typeof draft.daysAhead !== 'number'
                  ? t('counter.settings.daysAheadRequired')
                  : null
              }
            />
            <Text size="sm" c="dimmed">
              {t('counter.settings.placeholders')}{' '}
              {placeholders.map((p) => (
                <Code key={p} mr={4}>
                  {p}
                </Code>
              ))}
            </Text>
            {Object.keys(draft.templates).map((language) => (
              <SimpleGrid key={language} cols={{ base: 1, md: 2 }}>
                {(['dueSoon', 'overdue'] as const).map((which) => (
                  <Textarea
                    key={which}
                    label={t(`counter.settings.template.${which}`, {
                      language: t(`counter.settings.language.${language}`, { defaultValue: language }),
                    })}
                    autosize
                    minRows={3}
                    maxLength={500}
                    required
                    value={draft.templates[language]![which]}
                    onChange={(e) => setTemplate(language, which, e.currentTarget.value)}
                    error={
                      isSubmitted && !draft.templates[language]![which].trim()
                        ? t('counter.settings.templateRequired')
                        : null
                    }
                  />
                ))}
              </SimpleGrid>
            ))}
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('counter.settings.till')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('counter.settings.denominationsHint')}
            </Text>
            <Stack gap="xs" maw={360} aria-label={t('counter.settings.denominations')} role="group">
              {draft.denominations.map((text, i) => (
                <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
                  <AmountField
                    aria-label={t('counter.settings.denomination', { n: i + 1 })}
                    value={text}
                    onChange={(value) =>
                      change({ denominations: draft.denominations.map((old, j) => (j === i ? value : old)) })
                    }
                    parsed={parseCounterAmount(text, format.digits, format.locale)}
                    currency={format.currency}
                    showError={isSubmitted}
                    style={{ flex: 1 }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={t('counter.settings.removeDenomination', { n: i + 1 })}
                    disabled={draft.denominations.length <= 1}
                    onClick={() => change({ denominations: draft.denominations.filter((_, j) => j !== i) })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
              <Button
                variant="light"
                w="fit-content"
                leftSection={<IconPlus size={16} />}
                onClick={() => change({ denominations: [...draft.denominations, ''] })}
              >
                {t('counter.settings.addDenomination')}
              </Button>
              {isSubmitted && !denominations.ok && denominations.error === 'duplicate' ? (
                <Text size="sm" c="red">
                  {t('counter.settings.duplicateDenomination')}
                </Text>
              ) : null}
            </Stack>
            <AmountField
              label={t('counter.settings.tolerance')}
              description={t('counter.settings.toleranceHint')}
              value={draft.tolerance}
              onChange={(value) => change({ tolerance: value })}
              parsed={tolerance}
              currency={format.currency}
              showError={isSubmitted}
              maw={360}
            />
          </Stack>
        </Paper>
        <Group>
          <Button type="submit" loading={isBusy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
