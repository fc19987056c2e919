// Document content sync. Document metadata travels as `document.attached` events; the bytes travel here,
// content-addressed by SHA-256 (central tables `document_blobs` / `document_chunks`, migration 3).
//   Upload (after push): every document whose metadata this device has pushed and central does not hold
//   complete is sent in 256 KiB chunks, one statement each, skipping chunks central already has — so an
//   upload killed half-way resumes where it stopped — then central verifies sha256(all chunks) before it
//   marks the blob complete.
//   Download (after pull): every document whose metadata is here but whose file is missing is fetched once
//   central holds it complete, hashed again on arrival (a chunk damaged on central is caught here) and written
//   atomically (temp file + rename), so a half-written file is never taken for the document.
// A document that fails is reported in the result and retried next cycle; it never stops the others.
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { documentPath } from '../core/customers/documents';
import type { Central } from './central';
import { localIdentity } from './push';

export const documentChunkBytes = 256 * 1024;
/** Chunks fetched per round trip when downloading (bounded memory: 2 MiB a page). */
const downloadPage = 8;

export interface DocumentProblem {
  sha256: string;
  reason: string;
}

export interface DocumentUploadResult {
  uploaded: number;
  chunksSent: number;
  /** True when `maxChunks` stopped the upload; the next run resumes it. */
  interrupted: boolean;
  problems: DocumentProblem[];
}

export interface DocumentDownloadResult {
  downloaded: number;
  /** Documents whose content central does not hold complete yet (the writing device has not uploaded it). */
  waiting: number;
  problems: DocumentProblem[];
}

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The documents whose metadata this device wrote and has pushed: their content is its to upload. */
async function pushedDocuments(db: Kysely<Database>, deviceId: string) {
  const rows = await db
    .selectFrom('events')
    .select('payload')
    .where('device_id', '=', deviceId)
    .where('type', '=', 'document.attached')
    .where('pushed_at', 'is not', null)
    .orderBy('device_seq')
    .execute();
  const bySha = new Map<string, number>();
  for (const r of rows) {
    const p = JSON.parse(r.payload) as { sha256: string; size_bytes: number };
    bySha.set(p.sha256, p.size_bytes);
  }
  return bySha;
}

export async function uploadDocuments(
  db: Kysely<Database>,
  central: Central,
  documentsDir: string,
  options: { maxChunks?: number; onChunk?: (sha256: string, idx: number) => void } = {},
): Promise<DocumentUploadResult> {
  const me = await localIdentity(db);
  const result: DocumentUploadResult = { uploaded: 0, chunksSent: 0, interrupted: false, problems: [] };
  const mine = await pushedDocuments(db, me.deviceId);
  if (mine.size === 0) return result;
  const complete = await central.query<{ sha256: string }>(
    'SELECT sha256 FROM document_blobs WHERE is_complete AND sha256 = ANY($1::text[])',
    [[...mine.keys()]],
  );
  for (const done of complete) mine.delete(done.sha256);
  const maxChunks = options.maxChunks ?? Number.POSITIVE_INFINITY;
  for (const sha of mine.keys()) {
    const path = documentPath(documentsDir, sha);
    if (!existsSync(path)) {
      result.problems.push({ sha256: sha, reason: 'the file is missing on this device' });
      continue;
    }
    const bytes = readFileSync(path);
    // Never upload a damaged file: central would refuse it anyway, after the whole transfer.
    if (sha256Of(bytes) !== sha) {
      result.problems.push({ sha256: sha, reason: 'the file on this device does not match its checksum' });
      continue;
    }
    const chunkCount = Math.ceil(bytes.length / documentChunkBytes);
    await central.query(
      `INSERT INTO document_blobs (sha256, size_bytes, chunk_count) VALUES ($1, $2, $3)
       ON CONFLICT (sha256) DO NOTHING`,
      [sha, bytes.length, chunkCount],
    );
    const [blob] = await central.query<{ size_bytes: string; chunk_count: number }>(
      'SELECT size_bytes, chunk_count FROM document_blobs WHERE sha256 = $1',
      [sha],
    );
    if (Number(blob!.size_bytes) !== bytes.length || blob!.chunk_count !== chunkCount) {
      result.problems.push({ sha256: sha, reason: 'central describes this document with another size' });
      continue;
    }
    const held = await central.query<{ idx: number }>('SELECT idx FROM document_chunks WHERE sha256 = $1', [
      sha,
    ]);
    const present = new Set(held.map((r) => r.idx));
    for (let idx = 0; idx < chunkCount; idx++) {
      if (present.has(idx)) continue;
      if (result.chunksSent >= maxChunks) {
        result.interrupted = true;
        return result;
      }
      const data = bytes.subarray(idx * documentChunkBytes, (idx + 1) * documentChunkBytes);
      await central.query(
        'INSERT INTO document_chunks (sha256, idx, data) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [sha, idx, data],
      );
      result.chunksSent++;
      options.onChunk?.(sha, idx);
    }
    const [verdict] = await central.query<{ r: string }>('SELECT lms_complete_document($1) AS r', [sha]);
    if (verdict!.r === 'complete') result.uploaded++;
    else if (verdict!.r === 'mismatch') {
      result.problems.push({
        sha256: sha,
        reason:
          'central’s chunks did not match the checksum; they were discarded and are sent again next sync',
      });
    } else result.problems.push({ sha256: sha, reason: 'central is still missing chunks' });
  }
  return result;
}

export async function downloadDocuments(
  db: Kysely<Database>,
  central: Central,
  documentsDir: string,
): Promise<DocumentDownloadResult> {
  const result: DocumentDownloadResult = { downloaded: 0, waiting: 0, problems: [] };
  const rows = await db.selectFrom('documents').select(['sha256', 'size_bytes']).distinct().execute();
  const missing = rows.filter((r) => !existsSync(documentPath(documentsDir, r.sha256)));
  if (missing.length === 0) return result;
  const ready = new Map(
    (
      await central.query<{ sha256: string; size_bytes: string; chunk_count: number }>(
        'SELECT sha256, size_bytes, chunk_count FROM document_blobs WHERE is_complete AND sha256 = ANY($1::text[])',
        [missing.map((r) => r.sha256)],
      )
    ).map((b) => [b.sha256, b]),
  );
  for (const doc of missing) {
    const blob = ready.get(doc.sha256);
    if (!blob) {
      result.waiting++;
      continue;
    }
    const problem = await downloadOne(
      central,
      documentsDir,
      doc.sha256,
      Number(blob.size_bytes),
      blob.chunk_count,
    );
    if (problem) result.problems.push({ sha256: doc.sha256, reason: problem });
    else result.downloaded++;
  }
  return result;
}

/** Fetches one blob into a temp file and renames it into place only if it hashes to its name. */
async function downloadOne(
  central: Central,
  documentsDir: string,
  sha: string,
  size: number,
  chunkCount: number,
): Promise<string | null> {
  const path = documentPath(documentsDir, sha);
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.download`;
  const hash = createHash('sha256');
  const fd = openSync(temp, 'w');
  let written = 0;
  let next = 0;
  let problem: string | null = null;
  try {
    while (next < chunkCount && !problem) {
      const page = await central.query<{ idx: number; data: Buffer }>(
        'SELECT idx, data FROM document_chunks WHERE sha256 = $1 AND idx >= $2 ORDER BY idx LIMIT $3',
        [sha, next, downloadPage],
      );
      if (page.length === 0) problem = `central is missing chunk ${next}`;
      for (const chunk of page) {
        if (chunk.idx !== next) {
          problem = `central is missing chunk ${next}`;
          break;
        }
        hash.update(chunk.data);
        writeSync(fd, chunk.data);
        written += chunk.data.length;
        next++;
      }
    }
  } finally {
    closeSync(fd);
  }
  if (!problem && written !== size) problem = `received ${written} bytes, expected ${size}`;
  if (!problem && hash.digest('hex') !== sha) {
    problem = 'the content received does not match its checksum (damaged on central); not saved';
  }
  if (problem) {
    rmSync(temp, { force: true });
    return problem;
  }
  renameSync(temp, path);
  return null;
}
