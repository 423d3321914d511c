import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One refresh token; only its SHA-256 is kept. Every use revokes it and issues the next of its family. */
@Entity({ name: 'refresh_token' })
export class RefreshToken {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  /** Every token descended from one sign-in. */
  @Column({ name: 'family_id', type: 'uuid' }) familyId: string;
  @Column({ name: 'token_hash', type: 'text' }) tokenHash: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
