import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A file brought with a grievance (附件): photos, scanned letters, call recordings. The bytes live in attachment storage. */
@Entity({ name: 'attachment' })
export class Attachment {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'grievance_id', type: 'uuid' }) grievanceId: string;
  /** The file name as the client sent it: shown to people, never used as a path. */
  @Column({ name: 'original_name', type: 'text' }) originalName: string;
  /** The type read from the content (magic bytes), not the one the client declared. */
  @Column({ name: 'content_type', type: 'text' }) contentType: string;
  @Column({ name: 'size_bytes', type: 'int' }) sizeBytes: number;
  /** Hex SHA-256 of the bytes: proves later that the evidence is what was received. */
  @Column({ type: 'text' }) sha256: string;
  @Column({ name: 'storage_key', type: 'text' }) storageKey: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
