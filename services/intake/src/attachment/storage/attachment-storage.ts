/** Where attachment bytes live. Local disk today; an S3-compatible store binds the same token. */
export const ATTACHMENT_STORAGE = Symbol('ATTACHMENT_STORAGE');

export interface AttachmentStorage {
  /** Stores the bytes under the key, whole or not at all (a reader never sees half a file). */
  put(key: string, data: Buffer): Promise<void>;
  /** The bytes stored under the key; rejects with StoredObjectMissing when there are none. */
  get(key: string): Promise<Buffer>;
  /** Removes the bytes; removing a key that holds nothing is not an error. */
  delete(key: string): Promise<void>;
}

export class StoredObjectMissing extends Error {
  constructor(readonly key: string) {
    super(`nothing stored under ${key}`);
    this.name = 'StoredObjectMissing';
  }
}

export class InvalidStorageKey extends Error {
  constructor(readonly key: string, reason: string) {
    super(`invalid storage key ${JSON.stringify(key)}: ${reason}`);
    this.name = 'InvalidStorageKey';
  }
}

/** Keys are `yyyy/mm/<uuid>`: spread over folders by month, unguessable, no client text in them. */
export function attachmentKey(id: string, at: Date): string {
  return `${at.getUTCFullYear()}/${String(at.getUTCMonth() + 1).padStart(2, '0')}/${id}`;
}

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/**
 * The path segments of a key, refusing anything that could leave the store's root: `..`, `.`,
 * absolute paths, backslashes, empty segments, NUL and other bytes outside a plain set.
 */
export function keySegments(key: string): string[] {
  if (!key) throw new InvalidStorageKey(key, 'empty');
  const segments = key.split('/');
  for (const s of segments) {
    if (s === '..' || s === '.') throw new InvalidStorageKey(key, 'relative segment');
    if (!SEGMENT.test(s)) throw new InvalidStorageKey(key, 'only letters, digits, ".", "_" and "-" separated by "/"');
  }
  return segments;
}
