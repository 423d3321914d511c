import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { keySegments, StoredObjectMissing, type AttachmentStorage } from './attachment-storage';

/** Temporary files start with a dot, which no key segment may: a half-written file is never a key. */
const TEMP_PREFIX = '.tmp-';

/** Files under one root directory, one file per key. */
export class LocalDiskStorage implements AttachmentStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** The file a key names; keys that could leave the root are refused before any disk access. */
  pathOf(key: string): string {
    const path = join(this.root, ...keySegments(key));
    if (!path.startsWith(this.root + sep)) throw new Error(`key ${key} resolves outside the storage root`);
    return path;
  }

  /** Write to a temporary file beside the target, flush it, then rename: the rename is atomic. */
  async put(key: string, data: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true, mode: 0o750 });
    const temp = join(dirname(path), `${TEMP_PREFIX}${randomUUID()}`);
    try {
      const file = await open(temp, 'wx', 0o640);
      try {
        await file.writeFile(data);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temp, path);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<Buffer> {
    try {
      return await readFile(this.pathOf(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new StoredObjectMissing(key);
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
