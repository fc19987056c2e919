import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { languages, setLanguage, type Language } from '../i18n';

/** English / Français; the choice is remembered on this computer. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('common.language')}
      value={i18n.language === 'fr' ? 'fr' : 'en'}
      onChange={(value) => setLanguage(value as Language)}
      data={languages.map((language) => ({ value: language.value, label: language.label }))}
    />
  );
}
