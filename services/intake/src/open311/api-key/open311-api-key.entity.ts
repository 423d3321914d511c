import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A client system allowed to POST Open311 requests. Only the key's SHA-256 is kept. */
@Entity({ name: 'open311_api_key' })
export class Open311ApiKey {
  @PrimaryColumn('uuid') id: string;
  /** Who holds the key: the 12345 platform, a district app… */
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'key_hash', type: 'text', unique: true }) keyHash: string;
  @Column({ type: 'boolean' }) active: boolean;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
