// The borrower's documents (the loan file has none of its own): the list from the customer's profile, a
// preview of the chosen one, and a link to the profile's Documents tab to upload more.
import { Anchor, Button, Loader, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerProfile, LoanView } from '../../../../shared/contract';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { DocumentPreview } from '../../customers/profile/DocumentPreview';
import type { LoanFormat } from '../shared/format';

export function DocumentsTab({ loan, format }: { loan: LoanView; format: LoanFormat }) {
  const { t } = useTranslation();
  const [documents, setDocuments] = useState<CustomerProfile['documents'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(() => {
    void api.call('customers.get', { customerId: loan.customerId }).then((r) => {
      if (r.error) setError(r.error.message);
      else setDocuments(r.data.documents);
    });
  }, [loan.customerId]);

  if (error) return <ErrorAlert message={error} />;
  if (!documents) return <Loader size="sm" aria-label={t('common.loading')} />;
  return (
    <Stack>
      <Anchor href={`#/customers/${loan.customerId}?tab=documents`}>{t('loans.documents.manage')}</Anchor>
      {documents.length === 0 ? (
        <Text c="dimmed">{t('loans.documents.none')}</Text>
      ) : (
        <Table aria-label={t('loans.tabs.documents')} verticalSpacing={4}>
          <Table.Tbody>
            {documents.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{t(`customers.documentKind.${d.kind}`, { defaultValue: d.kind })}</Table.Td>
                <Table.Td>{d.fileName}</Table.Td>
                <Table.Td>{format.instant(d.uploadedAt)}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => setSelected(selected === d.id ? null : d.id)}
                  >
                    {selected === d.id ? t('customers.documents.hide') : t('customers.documents.view')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {selected ? <DocumentPreview documentId={selected} /> : null}
    </Stack>
  );
}
