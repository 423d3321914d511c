import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '@yikouban/service-kit';
import { Attachment } from './attachment.entity';
import { ATTACHMENT_LIMITS, type AttachmentLimits } from './attachment.options';
import { ATTACHMENT_STORAGE, attachmentKey, type AttachmentStorage } from './storage/attachment-storage';
import { checkUpload, type ReceivedFile } from './upload-check';

/** What the uploader gets back: enough to show the file was received intact. */
export interface StoredAttachment {
  id: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

export interface AttachmentView extends StoredAttachment {
  originalName: string;
  createdAt: string;
}

@Injectable()
export class AttachmentService {
  private readonly logger = new Logger('Attachments');

  constructor(
    private readonly db: DataSource,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    @Inject(ATTACHMENT_LIMITS) private readonly limits: AttachmentLimits,
  ) {}

  /**
   * Checks the file, stores its bytes, then records the row. The file goes first so there is never
   * a row without its file; if the row cannot be written the file is removed again.
   */
  async attach(grievanceId: string, file: ReceivedFile | undefined, now = new Date()): Promise<StoredAttachment> {
    // Cheap answers first (unknown grievance, full), before any bytes are written.
    await this.requireRoom(this.db.manager, grievanceId);
    const verdict = checkUpload(file, this.limits);
    if (!verdict.ok) throw new DomainError('BAD_REQUEST', verdict.problems.join('; '), [{ field: 'file', problems: verdict.problems }]);
    const { upload } = verdict;

    const id = randomUUID();
    const key = attachmentKey(id, now);
    await this.storage.put(key, upload.bytes);
    try {
      await this.db.transaction(async (tx) => {
        // Again under the grievance's row lock: two uploads at once cannot both take the last place.
        await this.requireRoom(tx, grievanceId, true);
        await tx.insert(Attachment, {
          id,
          grievanceId,
          originalName: upload.originalName,
          contentType: upload.type.mime,
          sizeBytes: upload.bytes.length,
          sha256: upload.sha256,
          storageKey: key,
          createdAt: now,
        });
      });
    } catch (err) {
      await this.storage.delete(key).catch((cleanup: unknown) =>
        this.logger.warn(`stored file ${key} left without a row: ${(cleanup as Error)?.message}`),
      );
      throw err;
    }
    return { id, contentType: upload.type.mime, sizeBytes: upload.bytes.length, sha256: upload.sha256 };
  }

  /** The grievance's attachments, oldest first: metadata only, the bytes stay in storage. */
  async list(grievanceId: string): Promise<AttachmentView[]> {
    await this.requireGrievance(this.db.manager, grievanceId);
    const rows = await this.db.getRepository(Attachment).find({ where: { grievanceId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map((a) => ({
      id: a.id,
      originalName: a.originalName,
      contentType: a.contentType,
      sizeBytes: a.sizeBytes,
      sha256: a.sha256,
      createdAt: a.createdAt.toISOString(),
    }));
  }

  private async requireGrievance(db: EntityManager, grievanceId: string, lock = false): Promise<void> {
    // NO KEY UPDATE serialises uploads to one grievance without blocking foreign-key checks elsewhere.
    const rows = (await db.query(`SELECT id FROM grievance WHERE id = $1${lock ? ' FOR NO KEY UPDATE' : ''}`, [grievanceId])) as unknown[];
    if (rows.length === 0) throw new DomainError('NOT_FOUND', `没有这件诉求 (no grievance ${grievanceId})`);
  }

  private async requireRoom(db: EntityManager, grievanceId: string, lock = false): Promise<void> {
    await this.requireGrievance(db, grievanceId, lock);
    const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM attachment WHERE grievance_id = $1', [grievanceId])) as { n: number }[];
    if (n >= this.limits.maxPerGrievance) {
      const problem = `每件诉求最多 ${this.limits.maxPerGrievance} 个附件 (a grievance holds at most ${this.limits.maxPerGrievance} attachments)`;
      throw new DomainError('CONFLICT', problem, [{ field: 'file', problems: [problem] }]);
    }
  }
}
