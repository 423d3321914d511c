import { mkdtemp, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { attachmentKey, InvalidStorageKey, StoredObjectMissing } from './attachment-storage';
import { LocalDiskStorage } from './local-disk.storage';

describe('LocalDiskStorage', () => {
  let root: string;
  let store: LocalDiskStorage;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'ykb-attachments-'));
    store = new LocalDiskStorage(root);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('stores bytes under yyyy/mm/<uuid> and reads them back', async () => {
    const key = attachmentKey(randomUUID(), new Date('2026-03-09T23:30:00Z'));
    expect(key).toMatch(/^2026\/03\/[0-9a-f-]{36}$/);
    const data = Buffer.from([0, 1, 2, 0xff, 0xfe]);
    await store.put(key, data);
    expect(await store.get(key)).toEqual(data);
    expect(await readFile(join(root, key))).toEqual(data);
  });

  it('leaves no temporary file behind, after success or failure', async () => {
    await store.put('2026/03/a', Buffer.from('one'));
    // A directory where the file should go makes the final rename fail.
    await mkdir(join(root, '2026/03/b'));
    await expect(store.put('2026/03/b', Buffer.from('two'))).rejects.toThrow();
    expect((await readdir(join(root, '2026/03'))).sort()).toEqual(['a', 'b']);
    expect((await stat(join(root, '2026/03/b'))).isDirectory()).toBe(true);
  });

  it('replaces a file whole: a reader sees the old bytes or the new, never a mix', async () => {
    const key = '2026/04/same';
    const old = Buffer.alloc(2 * 1024 * 1024, 0x61);
    const fresh = Buffer.alloc(2 * 1024 * 1024, 0x62);
    await store.put(key, old);
    const writing = store.put(key, fresh);
    const seen: Buffer[] = [];
    for (let i = 0; i < 20; i++) seen.push(await store.get(key));
    await writing;
    seen.push(await store.get(key));
    for (const b of seen) expect(b.equals(old) || b.equals(fresh)).toBe(true);
    expect(seen[seen.length - 1].equals(fresh)).toBe(true);
  });

  it('reports a missing key as StoredObjectMissing, and deleting it again is not an error', async () => {
    await store.put('2026/05/x', Buffer.from('x'));
    await store.delete('2026/05/x');
    await expect(store.get('2026/05/x')).rejects.toBeInstanceOf(StoredObjectMissing);
    await expect(store.delete('2026/05/x')).resolves.toBeUndefined();
  });

  it.each(['..', '../outside', '2026/../../etc/passwd', '/etc/passwd', '2026//x', '2026/./x', 'a\\..\\b', '.hidden', 'x\0y', '', '2026/05/'])(
    'refuses the key %j before touching the disk',
    async (key) => {
      await expect(store.put(key, Buffer.from('evil'))).rejects.toBeInstanceOf(InvalidStorageKey);
      await expect(store.get(key)).rejects.toBeInstanceOf(InvalidStorageKey);
      await expect(store.delete(key)).rejects.toBeInstanceOf(InvalidStorageKey);
      expect(await readdir(root)).toEqual([]);
    },
  );
});
