import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An external system (12345 platform, court system, grid platform) signing in with client credentials. */
@Entity({ name: 'api_client' })
export class ApiClient {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'client_id', type: 'text' }) clientId: string;
  /** argon2id of the client secret. */
  @Column({ name: 'secret_hash', type: 'text' }) secretHash: string;
  @Column({ type: 'text' }) name: string;
  /** What the client may do, e.g. grievance:write, grievance:read. */
  @Column({ type: 'text', array: true }) scopes: string[];
  @Column({ type: 'boolean' }) active: boolean;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
