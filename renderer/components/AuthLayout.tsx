import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './LanguageSwitcher';

/** The frame of the pages before the app: setup, sign-in and its steps. */
export function AuthLayout(props: {
  title: string;
  subtitle?: string | null;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.1" p="md">
      <Group justify="space-between" mb="xl">
        <Text fw={700} c="teal.8">
          {t('app.name')}
        </Text>
        <LanguageSwitcher />
      </Group>
      <Center>
        <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={props.width ?? 420}>
          <Stack gap="md">
            <div>
              <Title order={1} size="h2">
                {props.title}
              </Title>
              {props.subtitle ? <Text c="dimmed">{props.subtitle}</Text> : null}
            </div>
            {props.children}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
