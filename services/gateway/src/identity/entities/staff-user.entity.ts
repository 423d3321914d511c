import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '../../auth/roles';

/** A person who signs in with a password: clerk, operator, unit staff, court, supervisor, administrator… */
@Entity({ name: 'staff_user' })
export class StaffUser {
  @PrimaryColumn('uuid') id: string;
  @Column({ type: 'text' }) username: string;
  @Column({ name: 'display_name', type: 'text' }) displayName: string;
  /** argon2id, with its parameters in the encoded string. */
  @Column({ name: 'password_hash', type: 'text' }) passwordHash: string;
  @Column({ type: 'text' }) role: Role;
  @Column({ name: 'org_code', type: 'text' }) orgCode: string;
  @Column({ name: 'region_code', type: 'text' }) regionCode: string;
  @Column({ type: 'boolean' }) active: boolean;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
