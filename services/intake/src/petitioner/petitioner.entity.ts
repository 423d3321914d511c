import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The person who raised a grievance (信访人). Phone and ID number are personal information:
 * stored only encrypted (with the key id inside the token) plus a keyed blind index for look-ups.
 */
@Entity({ name: 'petitioner' })
export class Petitioner {
  @PrimaryColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'phone_cipher', type: 'text', nullable: true }) phoneCipher: string | null;
  @Column({ name: 'phone_index', type: 'text', nullable: true }) phoneIndex: string | null;
  @Column({ name: 'id_number_cipher', type: 'text', nullable: true }) idNumberCipher: string | null;
  @Column({ name: 'id_number_index', type: 'text', nullable: true }) idNumberIndex: string | null;
  @Column({ type: 'text', nullable: true }) address: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
