import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The Open311 side of a grievance that arrived by Open311: token, client, address as given, photo. */
@Entity({ name: 'open311_request' })
export class Open311RequestRecord {
  @PrimaryColumn({ name: 'grievance_id', type: 'uuid' }) grievanceId: string;
  @Column({ type: 'text', unique: true }) token: string;
  @Column({ name: 'api_key_id', type: 'uuid' }) apiKeyId: string;
  @Column({ name: 'address_string', type: 'text', nullable: true }) addressString: string | null;
  @Column({ name: 'address_id', type: 'text', nullable: true }) addressId: string | null;
  @Column({ name: 'media_url', type: 'text', nullable: true }) mediaUrl: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) attributes: Record<string, string | number | string[]>;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
