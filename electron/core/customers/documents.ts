// Customer documents: scans checked by their content (PDF, JPEG, PNG — never by the name alone), limited in
// size, stored once under the documents folder by SHA-256 (so identical scans share a file and a corrupted
// file is detectable), with their metadata in the ledger. Files are only ever read back as bytes for preview.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { LmsError, fieldError, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import type { Ctx, WriteCtx } from '../context';
import { requireActor } from '../context';
import { findCustomer, otherBranchStaff } from './profile';
import { readCustomerSettings } from './rules';

const byExtension: Record<string, 'application/pdf' | 'image/jpeg' | 'image/png'> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
};
const plainNames: Record<string, string> = {
  'application/pdf': 'a PDF',
  'image/jpeg': 'a JPEG image',
  'image/png': 'a PNG image',
};

export function documentPath(dir: string, sha256: string): string {
  return join(dir, sha256.slice(0, 2), sha256);
}

function storeContent(dir: string, sha256: string, bytes: Buffer) {
  const path = documentPath(dir, sha256);
  if (existsSync(path)) return;
  mkdirSync(join(dir, sha256.slice(0, 2)), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, bytes, { flush: true });
  renameSync(temp, path);
}

function decodeBase64(text: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw fieldError('contentBase64', 'is not base64-encoded content');
  }
  return Buffer.from(text, 'base64');
}

export async function uploadDocument(
  ctx: WriteCtx,
  input: ParsedInputOf<'documents.upload'>,
): Promise<OutputOf<'documents.upload'>> {
  const actor = requireActor(ctx);
  const customer = await findCustomer(ctx.tx, input.customerId);
  const settings = await readCustomerSettings(ctx.tx);
  const bytes = decodeBase64(input.contentBase64);
  if (bytes.length > settings.maxDocumentBytes) {
    const mb = (n: number) =>
      `${new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(n / 1024 / 1024)} MB`;
    throw fieldError(
      'contentBase64',
      `is ${mb(bytes.length)}; the limit is ${mb(settings.maxDocumentBytes)}`,
      'document_too_large',
    );
  }
  const claimed = byExtension[extname(input.fileName).toLowerCase()];
  if (!claimed) throw fieldError('fileName', 'must be a PDF, JPEG or PNG file', 'document_type_not_allowed');
  const detected = (await fileTypeFromBuffer(bytes))?.mime;
  if (!detected || !Object.values(byExtension).includes(detected as never)) {
    throw fieldError('contentBase64', 'is not a PDF, JPEG or PNG file', 'document_type_not_allowed');
  }
  if (detected !== claimed) {
    throw fieldError(
      'fileName',
      `is ${plainNames[detected]}, not ${plainNames[claimed]} as its name claims`,
      'document_type_mismatch',
    );
  }
  if (input.isProfilePhoto && detected === 'application/pdf') {
    throw fieldError(
      'contentBase64',
      'a profile photo must be a JPEG or PNG image',
      'document_type_not_allowed',
    );
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  storeContent(ctx.documentsDir, sha256, bytes);
  const row = {
    id: ctx.ids.uuid(),
    customer_id: customer.id,
    kind: input.kind,
    file_name: input.fileName,
    mime_type: detected as 'application/pdf' | 'image/jpeg' | 'image/png',
    size_bytes: bytes.length,
    sha256,
    uploaded_by: actor.userId,
    uploaded_at: ctx.clock.now().toISOString(),
  };
  await ctx.tx.insertInto('documents').values(row).execute();
  if (input.isProfilePhoto) {
    await ctx.tx
      .updateTable('customers')
      .set({ photo_document_id: row.id, updated_at: row.uploaded_at })
      .where('id', '=', customer.id)
      .execute();
  }
  await ctx.emit({
    type: 'document.attached',
    entityType: 'customer',
    entityId: customer.id,
    payload: { ...row, isProfilePhoto: input.isProfilePhoto },
  });
  await ctx.audit({
    action: 'document.attached',
    entityType: 'customer',
    entityId: customer.id,
    details: { documentId: row.id, kind: row.kind, fileName: row.file_name, sha256 },
  });
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    mimeType: row.mime_type,
    sizeBytes: row.size_bytes,
    sha256,
    uploadedBy: actor.username,
    uploadedAt: row.uploaded_at,
  };
}

export async function getDocument(
  ctx: Ctx,
  input: ParsedInputOf<'documents.get'>,
): Promise<OutputOf<'documents.get'>> {
  const row = await ctx.db
    .selectFrom('documents')
    .leftJoin('users', 'users.id', 'documents.uploaded_by')
    .selectAll('documents')
    .select('users.username')
    .where('documents.id', '=', input.documentId)
    .executeTakeFirst();
  if (!row) throw new LmsError('NOT_FOUND', 'No document with that id.', 'document_not_found');
  const path = documentPath(ctx.documentsDir, row.sha256);
  if (!existsSync(path)) {
    throw new LmsError(
      'NOT_FOUND',
      'The document’s content is not on this device yet (it arrives with the next sync).',
      'document_not_found',
    );
  }
  const bytes = readFileSync(path);
  if (createHash('sha256').update(bytes).digest('hex') !== row.sha256) {
    throw new LmsError(
      'CONFLICT',
      'The stored file does not match its checksum; it may be damaged.',
      'document_not_found',
    );
  }
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    mimeType: row.mime_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    uploadedBy: row.username ?? otherBranchStaff,
    uploadedAt: row.uploaded_at,
    contentBase64: bytes.toString('base64'),
  };
}
