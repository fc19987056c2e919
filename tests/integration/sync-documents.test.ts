// Document content sync against a central Postgres — PGlite on the wire and a real PostgreSQL server: a scan
// attached at a branch arrives byte-identical at head office, an interrupted upload resumes without sending
// again the chunks central holds, and damaged content is caught (on central before it is marked complete,
// and on the device on arrival) instead of being saved.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomIds } from '../../electron/core/context';
import { documentPath } from '../../electron/core/customers/documents';
import { documentChunkBytes, downloadDocuments, uploadDocuments } from '../../electron/sync/documents';
import { pullChanges } from '../../electron/sync/pull';
import { pushPending } from '../../electron/sync/push';
import { syncOnce } from '../../electron/sync/sync';
import { hasPostgres, startPglite, startPostgres, type TestCentral } from '../support/central';
import { anIndividual, files } from '../support/customers';
import { aBranch, aStaffMember, removeDir } from '../support/ledger';

const backends: [string, () => Promise<TestCentral>][] = [['PGlite', startPglite]];
if (hasPostgres) backends.push(['PostgreSQL', startPostgres]);
else console.warn('SKIPPING the real-PostgreSQL document sync tests: no server binaries');

const newId = randomIds.uuid;

/** A valid PDF (by its magic bytes) of about 1.1 MB: five chunks of 256 KiB, the last one short. */
function aLargePdf(): Buffer {
  return Buffer.concat([files.pdf, randomBytes(4 * documentChunkBytes + 100_000)]);
}

describe.each(backends)('document content sync with %s', (_name, start) => {
  let server: TestCentral;
  const cleanup: { close(): Promise<void>; dir: string }[] = [];
  beforeAll(async () => {
    server = await start();
  }, 60_000);
  afterAll(async () => {
    for (const b of cleanup) {
      await b.close();
      removeDir(b.dir);
    }
    await server.stop();
  }, 60_000);

  async function fresh(code: string) {
    const b = await aBranch({
      setup: { branchCode: code, branchName: `Branch ${code}`, adminUsername: `${code}-admin`.toLowerCase() },
    });
    cleanup.push(b);
    const officer = await aStaffMember(b, {
      username: `${code}-officer`.toLowerCase(),
      role: 'loan_officer',
      password: 'Officer-Field-2026',
    });
    return { ...b, officer: officer.token, documentsDir: join(b.dir, 'documents') };
  }
  type Site = Awaited<ReturnType<typeof fresh>>;

  async function attach(b: Site, bytes: Buffer, fileName = 'scan.pdf') {
    const c = await b.ok('customers.registerIndividual', anIndividual(), b.officer);
    return b.ok(
      'documents.upload',
      { customerId: c.id, kind: 'id_document', fileName, contentBase64: bytes.toString('base64') },
      b.officer,
    );
  }

  const chunksOnCentral = async (sha: string) =>
    (
      await server.central.query<{ idx: number }>(
        'SELECT idx FROM document_chunks WHERE sha256 = $1 ORDER BY idx',
        [sha],
      )
    ).map((r) => r.idx);

  it('brings a document attached at a branch to head office byte for byte', async () => {
    const a = await fresh('DCA');
    const hq = await fresh('DCH');
    const large = aLargePdf();
    const big = await attach(a, large);
    const small = await attach(a, files.png, 'face.png');
    const atBranch = await syncOnce(a.ledger.db, server.central, { newId, documentsDir: a.documentsDir });
    expect(atBranch.documents!.upload).toMatchObject({ uploaded: 2, chunksSent: 6, problems: [] });
    expect(await chunksOnCentral(big.sha256)).toEqual([0, 1, 2, 3, 4]);

    const atHq = await syncOnce(hq.ledger.db, server.central, {
      isHeadOffice: true,
      newId,
      documentsDir: hq.documentsDir,
    });
    expect(atHq.documents!.download).toMatchObject({ downloaded: 2, problems: [] });
    expect(readFileSync(documentPath(hq.documentsDir, big.sha256)).equals(large)).toBe(true);
    expect(readFileSync(documentPath(hq.documentsDir, small.sha256)).equals(files.png)).toBe(true);
    const preview = await hq.ok('documents.get', { documentId: big.id }, hq.adminToken);
    expect(Buffer.from(preview.contentBase64, 'base64').equals(large)).toBe(true);

    // Nothing moves twice: a second cycle on either side sends and fetches nothing.
    const again = await syncOnce(a.ledger.db, server.central, { newId, documentsDir: a.documentsDir });
    expect(again.documents!.upload).toMatchObject({ uploaded: 0, chunksSent: 0 });
    const hqAgain = await syncOnce(hq.ledger.db, server.central, {
      isHeadOffice: true,
      newId,
      documentsDir: hq.documentsDir,
    });
    expect(hqAgain.documents!.download).toMatchObject({ downloaded: 0, waiting: 0 });
  });

  it('resumes an interrupted upload without sending again the chunks central holds', async () => {
    const a = await fresh('DRA');
    const hq = await fresh('DRH');
    const large = aLargePdf();
    const doc = await attach(a, large);
    await pushPending(a.ledger.db, server.central);
    const first = await uploadDocuments(a.ledger.db, server.central, a.documentsDir, { maxChunks: 2 });
    expect(first).toMatchObject({ interrupted: true, chunksSent: 2, uploaded: 0 });
    expect(await chunksOnCentral(doc.sha256)).toEqual([0, 1]);

    // Head office already has the metadata, but central's copy is incomplete: it waits.
    await pullChanges(hq.ledger.db, server.central, { isHeadOffice: true, newId });
    const early = await downloadDocuments(hq.ledger.db, server.central, hq.documentsDir);
    expect(early).toMatchObject({ waiting: 1, problems: [] });
    expect(existsSync(documentPath(hq.documentsDir, doc.sha256))).toBe(false);

    // A crash in the middle of the next attempt (the hook throws after chunk 2 is stored)...
    await expect(
      uploadDocuments(a.ledger.db, server.central, a.documentsDir, {
        onChunk: (_sha, idx) => {
          if (idx === 2) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    // ...and the one after it sends only what is still missing.
    const sent: number[] = [];
    const resumed = await uploadDocuments(a.ledger.db, server.central, a.documentsDir, {
      onChunk: (_sha, idx) => sent.push(idx),
    });
    expect(sent).toEqual([3, 4]);
    expect(resumed).toMatchObject({ uploaded: 1, interrupted: false, problems: [] });

    expect(await downloadDocuments(hq.ledger.db, server.central, hq.documentsDir)).toMatchObject({
      downloaded: 1,
      waiting: 0,
      problems: [],
    });
    expect(readFileSync(documentPath(hq.documentsDir, doc.sha256)).equals(large)).toBe(true);
  });

  it('discards wrong chunks on central before completing, and re-sends them', async () => {
    const a = await fresh('DWA');
    const large = aLargePdf();
    const doc = await attach(a, large);
    await pushPending(a.ledger.db, server.central);
    // Someone stored a wrong chunk 1 before this device uploaded.
    await server.central.query(
      'INSERT INTO document_blobs (sha256, size_bytes, chunk_count) VALUES ($1, $2, 5)',
      [doc.sha256, large.length],
    );
    await server.central.query(
      "INSERT INTO document_chunks (sha256, idx, data) VALUES ($1, 1, '\\x00'::bytea)",
      [doc.sha256],
    );
    const spoiled = await uploadDocuments(a.ledger.db, server.central, a.documentsDir);
    expect(spoiled.uploaded).toBe(0);
    expect(spoiled.problems).toEqual([
      { sha256: doc.sha256, reason: expect.stringMatching(/did not match/) },
    ]);
    expect(await chunksOnCentral(doc.sha256)).toEqual([]);
    const retried = await uploadDocuments(a.ledger.db, server.central, a.documentsDir);
    expect(retried).toMatchObject({ uploaded: 1, chunksSent: 5, problems: [] });
  });

  it('detects a chunk damaged on central on arrival, and saves nothing', async () => {
    const a = await fresh('DXA');
    const hq = await fresh('DXH');
    const doc = await attach(a, aLargePdf());
    await syncOnce(a.ledger.db, server.central, { newId, documentsDir: a.documentsDir });
    await server.central.query(
      'UPDATE document_chunks SET data = set_byte(data, 10, (get_byte(data, 10) + 1) % 256) WHERE sha256 = $1 AND idx = 3',
      [doc.sha256],
    );
    const result = await syncOnce(hq.ledger.db, server.central, {
      isHeadOffice: true,
      newId,
      documentsDir: hq.documentsDir,
    });
    expect(result.documents!.download.problems).toContainEqual({
      sha256: doc.sha256,
      reason: expect.stringMatching(/does not match its checksum/),
    });
    const path = documentPath(hq.documentsDir, doc.sha256);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dirname(path))).toEqual([]); // no temp file left behind
    const preview = await hq.call('documents.get', { documentId: doc.id }, hq.adminToken);
    expect(preview.error?.code).toBe('NOT_FOUND');
  });
});
