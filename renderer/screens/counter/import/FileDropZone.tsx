// Where the repayments file is chosen: dropped on the zone, or picked with "Choose a file" (the native file
// input, hidden behind the button, labelled for screen readers and for the end-to-end tests). The input is
// emptied after each choice, so choosing the same file again — the second import of a file — is a new choice.
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  isReading: boolean;
  onFile(file: File): void;
}

export function FileDropZone({ isReading, onFile }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [isOver, setOver] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <Paper
      withBorder
      p="lg"
      data-testid="import-drop-zone"
      style={{ borderStyle: 'dashed', borderWidth: 2 }}
      bg={isOver ? 'teal.0' : undefined}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <Group gap="md" wrap="nowrap">
        <IconFileSpreadsheet size={36} aria-hidden />
        <Stack gap={4} style={{ flex: 1 }}>
          <Text fw={600}>{t('counter.import.file.drop')}</Text>
          <Text size="sm" c="dimmed">
            {t('counter.import.file.types')}
          </Text>
        </Stack>
        <Button onClick={() => input.current?.click()} loading={isReading}>
          {t('counter.import.file.choose')}
        </Button>
        <input
          ref={input}
          type="file"
          hidden
          aria-label={t('counter.import.file.label')}
          accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) onFile(file);
          }}
        />
      </Group>
    </Paper>
  );
}
