// The customer's documents: upload a scan (PDF, JPEG or PNG — the core checks the content) with its kind, the
// list, and a preview of the selected one.
import { Button, FileInput, Group, Select, Stack, Switch, Table, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentKinds, type CustomerProfile } from '../../../../shared/contract';
import { api } from '../../../api/api';
import type { BranchFormat } from '../shared/format';
import { DocumentPreview } from './DocumentPreview';
import { fileToBase64, formatBytes } from './files';

type Kind = (typeof documentKinds)[number];

interface Props {
  profile: CustomerProfile;
  format: BranchFormat;
  canWrite: boolean;
  onChanged(): void;
}

function UploadForm({ profile, onUploaded }: { profile: CustomerProfile; onUploaded(): void }) {
  const { t } = useTranslation();
  const firstMissing = profile.kyc.missingDocuments[0] as Kind | undefined;
  const [kind, setKind] = useState<Kind>(firstMissing ?? 'other');
  const [file, setFile] = useState<File | null>(null);
  const [isPhoto, setPhoto] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function upload(event: React.FormEvent) {
    event.preventDefault();
    if (!file) return setError(t('customers.documents.chooseFile'));
    setBusy(true);
    setError(null);
    const result = await api.call('documents.upload', {
      customerId: profile.id,
      kind,
      fileName: file.name,
      contentBase64: await fileToBase64(file),
      isProfilePhoto: kind === 'photo' && isPhoto,
    });
    setBusy(false);
    if (result.error) return setError(result.error.issues?.[0]?.message ?? result.error.message);
    setFile(null);
    onUploaded();
  }

  return (
    <form onSubmit={(e) => void upload(e)} noValidate aria-label={t('customers.documents.upload')}>
      <Group align="flex-start">
        <Select
          label={t('customers.documents.kind')}
          allowDeselect={false}
          w={220}
          value={kind}
          onChange={(v) => setKind((v ?? 'other') as Kind)}
          data={documentKinds.map((k) => ({ value: k, label: t(`customers.documentKind.${k}`) }))}
        />
        <FileInput
          label={t('customers.documents.file')}
          placeholder={t('customers.documents.filePlaceholder')}
          accept="application/pdf,image/jpeg,image/png"
          value={file}
          onChange={setFile}
          error={error}
          clearable
          w={320}
        />
        {kind === 'photo' ? (
          <Switch
            mt={32}
            label={t('customers.documents.isProfilePhoto')}
            checked={isPhoto}
            onChange={(e) => setPhoto(e.currentTarget.checked)}
          />
        ) : null}
        <Button type="submit" mt={25} leftSection={<IconUpload size={16} />} loading={isBusy}>
          {t('customers.documents.upload')}
        </Button>
      </Group>
    </form>
  );
}

export function DocumentsTab({ profile, format, canWrite, onChanged }: Props) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <Stack>
      {canWrite ? (
        <UploadForm key={profile.documents.length} profile={profile} onUploaded={onChanged} />
      ) : null}
      {profile.documents.length === 0 ? (
        <Text c="dimmed">{t('customers.documents.none')}</Text>
      ) : (
        <Table highlightOnHover aria-label={t('customers.tabs.documents')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('customers.documents.kind')}</Table.Th>
              <Table.Th>{t('customers.documents.fileName')}</Table.Th>
              <Table.Th>{t('customers.documents.size')}</Table.Th>
              <Table.Th>{t('customers.documents.uploaded')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {profile.documents.map((d) => (
              <Table.Tr key={d.id} bg={selected === d.id ? 'var(--mantine-color-teal-0)' : undefined}>
                <Table.Td>{t(`customers.documentKind.${d.kind}`, { defaultValue: d.kind })}</Table.Td>
                <Table.Td>{d.fileName}</Table.Td>
                <Table.Td>{formatBytes(d.sizeBytes)}</Table.Td>
                <Table.Td>
                  {format.instant(d.uploadedAt)} · {d.uploadedBy}
                </Table.Td>
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
