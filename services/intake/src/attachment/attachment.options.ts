import type { AttachmentKind } from './content-type';
import type { AttachmentStorage } from './storage/attachment-storage';

export const ATTACHMENT_LIMITS = Symbol('ATTACHMENT_LIMITS');

export interface AttachmentLimits {
  /** Largest file accepted, per kind, in bytes. */
  maxBytes: Record<AttachmentKind, number>;
  /** How many attachments one grievance may carry. */
  maxPerGrievance: number;
}

const MB = 1024 * 1024;
export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = {
  maxBytes: { image: 10 * MB, pdf: 20 * MB, audio: 30 * MB },
  maxPerGrievance: 10,
};

/** Where files go: a directory on local disk, or any other store (e.g. S3-compatible) given as is. */
export type AttachmentStorageChoice = { root: string } | { storage: AttachmentStorage };

export type AttachmentModuleOptions = AttachmentStorageChoice & {
  maxBytes?: Partial<Record<AttachmentKind, number>>;
  maxPerGrievance?: number;
};

export function resolveLimits(o: Pick<AttachmentModuleOptions, 'maxBytes' | 'maxPerGrievance'>): AttachmentLimits {
  const limits: AttachmentLimits = {
    maxBytes: { ...DEFAULT_ATTACHMENT_LIMITS.maxBytes, ...o.maxBytes },
    maxPerGrievance: o.maxPerGrievance ?? DEFAULT_ATTACHMENT_LIMITS.maxPerGrievance,
  };
  const bad = [...Object.entries(limits.maxBytes), ['maxPerGrievance', limits.maxPerGrievance] as const].filter(([, n]) => !Number.isSafeInteger(n) || n < 1);
  if (bad.length) throw new Error(`attachment limits must be positive integers: ${bad.map(([k, n]) => `${k}=${n}`).join(', ')}`);
  return limits;
}

/** The hard cap the upload parser enforces before anything is buffered past it: the largest per-kind limit. */
export function uploadCeiling(limits: AttachmentLimits): number {
  return Math.max(...Object.values(limits.maxBytes));
}

/** "10 MB", "512 KB", "900 B": limits in words a person reads. */
export function formatBytes(n: number): string {
  if (n >= MB) return `${+(n / MB).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}
