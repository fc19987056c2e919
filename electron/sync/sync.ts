// One sync cycle: push the outbox, then pull and apply what others wrote. The worker, the status bar's
// "Sync now" and `lms sync` all run this. Bounded: a cycle does at most `maxPages` pages each way.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Central } from './central';
import {
  downloadDocuments,
  uploadDocuments,
  type DocumentDownloadResult,
  type DocumentUploadResult,
} from './documents';
import { applyDeferred, pullChanges, type PullResult } from './pull';
import { pushPending, type PushResult } from './push';

export interface SyncResult {
  push: PushResult;
  pull: PullResult;
  /** Document content moved this cycle (only when `documentsDir` was given). */
  documents?: { upload: DocumentUploadResult; download: DocumentDownloadResult };
}

export async function syncOnce(
  db: Kysely<Database>,
  central: Central,
  options: {
    isHeadOffice?: boolean;
    newId: () => string;
    now?: () => Date;
    pageSize?: number;
    maxPages?: number;
    onProgress?: (p: { received: number; cursor: number; head: number }) => void;
    /** The documents folder: when given, document content is uploaded after push and downloaded after pull. */
    documentsDir?: string;
  },
): Promise<SyncResult> {
  const push = await pushPending(db, central, {
    batchSize: options.pageSize,
    maxBatches: options.maxPages,
    now: options.now,
    isHeadOffice: options.isHeadOffice,
  });
  const upload = options.documentsDir ? await uploadDocuments(db, central, options.documentsDir) : null;
  const pull = await pullChanges(db, central, options);
  const me = {
    deviceId: (
      await db.selectFrom('devices').select('id').where('is_local', '=', 1).executeTakeFirstOrThrow()
    ).id,
  };
  await applyDeferred(db, me, (options.now ?? (() => new Date()))(), options.newId);
  if (!upload || !options.documentsDir) return { push, pull };
  const download = await downloadDocuments(db, central, options.documentsDir);
  return { push, pull, documents: { upload, download } };
}
