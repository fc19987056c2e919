// The frame every report screen shares: a way back to the hub, the title, the filters, the save buttons, then
// the report itself (or why there is none).
import { Anchor, Group, Loader, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportableReport, Report } from '../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Me } from '../../stores/session';
import { ExportButtons } from './ExportButtons';
import { ReportView } from './ReportView';

interface Props {
  me: Me;
  title: string;
  filters: ReactNode;
  request: ExportableReport;
  report: Report | null;
  error: string | null;
  isLoading: boolean;
}

export function ReportFrame({ me, title, filters, request, report, error, isLoading }: Props) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Anchor href="#/reports" size="sm">
        ← {t('reports.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Title order={1} size="h2">
          {title}
        </Title>
        <ExportButtons request={request} disabled={!report || Boolean(error)} />
      </Group>
      <Group align="flex-end" gap="sm">
        {filters}
        {isLoading ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      </Group>
      <ErrorAlert message={error} />
      {report ? <ReportView report={report} locale={me.branch.locale} /> : null}
    </Stack>
  );
}
