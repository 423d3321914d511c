import request from 'supertest';
import { Client } from 'pg';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { DataServiceSpec } from '@yikouban/service-kit';
import { createTestDatabase, startDataServiceInProcess, TEST_NATS_URL, testNamespace, type RunningService, type TestDatabase } from '@yikouban/testing';
import type { IntakeConfig } from '../config/intake.config';
import { intakeFeatures, intakeService } from '../service';
import { png, REFUSED_SAMPLES } from './media-samples.fixtures';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();
}

describe('attachments (real PostgreSQL and NATS, local disk)', () => {
  let db: TestDatabase;
  let svc: RunningService;
  let pg: Client;
  let root: string;

  // Small limits so "too big" needs only a few kilobytes; the parser's ceiling is the largest, 8 KB.
  const limits = { maxBytes: { image: 4096, pdf: 8192, audio: 4096 }, maxPerGrievance: 3 };

  beforeAll(async () => {
    db = await createTestDatabase('attach');
    root = await mkdtemp(join(tmpdir(), 'ykb-attach-'));
    const spec: DataServiceSpec<IntakeConfig> = {
      ...intakeService,
      features: (c) => intakeFeatures(c, undefined, { root, ...limits }),
    };
    svc = await startDataServiceInProcess(spec, { DATABASE_URL: db.url, NATS_URL: TEST_NATS_URL, YKB_NAMESPACE: testNamespace() });
    pg = new Client({ connectionString: db.url });
    await pg.connect();
  });

  afterAll(async () => {
    await svc?.close();
    await pg?.end();
    await db?.drop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  const newGrievance = async (): Promise<string> =>
    (await request(svc.url).post('/api/v1/grievances').send({ channel: 'web', regionCode: '330621101', description: '小区门口下水道堵塞，污水漫到路面，附现场照片。' }).expect(201)).body.id;

  const upload = (grievanceId: string, data: Buffer, contentType: string, filename = '现场照片.png') =>
    request(svc.url).post(`/api/v1/grievances/${grievanceId}/attachments`).attach('file', data, { filename, contentType });

  const rowCount = async (grievanceId: string) => (await pg.query('SELECT count(*)::int AS n FROM intake.attachment WHERE grievance_id = $1', [grievanceId])).rows[0].n;

  it('stores a PNG: row, SHA-256 and the file on disk agree', async () => {
    const id = await newGrievance();
    const photo = png(4, 4);
    const sha256 = createHash('sha256').update(photo).digest('hex');

    const res = await upload(id, photo, 'image/png').expect(201);
    expect(res.body).toEqual({ id: expect.any(String), contentType: 'image/png', sizeBytes: photo.length, sha256 });

    const { rows } = await pg.query('SELECT * FROM intake.attachment WHERE id = $1', [res.body.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ grievance_id: id, original_name: '现场照片.png', content_type: 'image/png', size_bytes: photo.length, sha256 });
    expect(rows[0].storage_key).toMatch(new RegExp(`^\\d{4}/\\d{2}/${res.body.id}$`));
    const onDisk = await readFile(join(root, rows[0].storage_key));
    expect(onDisk.equals(photo)).toBe(true);

    const list = await request(svc.url).get(`/api/v1/grievances/${id}/attachments`).expect(200);
    expect(list.body).toEqual([{ id: res.body.id, originalName: '现场照片.png', contentType: 'image/png', sizeBytes: photo.length, sha256, createdAt: expect.any(String) }]);
  });

  it('refuses a spoofed type with the reason, and keeps neither row nor file', async () => {
    const id = await newGrievance();
    const before = await filesUnder(root);
    const elf = REFUSED_SAMPLES.find((s) => s.name === 'ELF executable')!.data;
    const res = await upload(id, elf, 'image/png', 'cat.png').expect(400);
    expect(res.body.error).toMatchObject({ code: 'BAD_REQUEST', fields: [{ field: 'file', problems: [expect.stringContaining('the content is not a image/png file')] }] });

    const disguised = await upload(id, png(), 'application/pdf', 'scan.pdf').expect(400);
    expect(disguised.body.error.fields[0].problems[0]).toContain('declared application/pdf, but the content is image/png');
    expect(await rowCount(id)).toBe(0);
    expect(await filesUnder(root)).toEqual(before);
  });

  it('refuses a file over its kind limit (400) and over the upload ceiling (413), clearly', async () => {
    const id = await newGrievance();
    const overImage = await upload(id, png(1, 1, 5000), 'image/png').expect(400);
    expect(overImage.body.error).toMatchObject({ code: 'BAD_REQUEST', fields: [{ field: 'file', problems: [expect.stringContaining('at most 4 KB for this kind')] }] });

    const overCeiling = await upload(id, png(1, 1, 9000), 'image/png').expect(413);
    expect(overCeiling.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', fields: [{ field: 'file', problems: [expect.stringContaining('larger than 8 KB')] }] });
    expect(await rowCount(id)).toBe(0);
  });

  it('asks for the file when it is missing or sent under another name', async () => {
    const id = await newGrievance();
    const none = await request(svc.url).post(`/api/v1/grievances/${id}/attachments`).field('note', 'no file here').expect(400);
    expect(none.body.error).toMatchObject({ code: 'BAD_REQUEST', fields: [{ field: 'file', problems: [expect.stringContaining('multipart field "file"')] }] });
    await request(svc.url).post(`/api/v1/grievances/${id}/attachments`).send({ file: 'not multipart' }).expect(400);
    const wrongField = await request(svc.url).post(`/api/v1/grievances/${id}/attachments`).attach('photo', png(), { filename: 'a.png', contentType: 'image/png' }).expect(400);
    expect(wrongField.body.error.fields[0].field).toBe('file');
  });

  it('answers 404 for an unknown grievance and 400 for a malformed id', async () => {
    const unknown = randomUUID();
    const res = await upload(unknown, png(), 'image/png').expect(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    await request(svc.url).get(`/api/v1/grievances/${unknown}/attachments`).expect(404);
    await request(svc.url).get('/api/v1/grievances/not-a-uuid/attachments').expect(400);
  });

  it('holds at most the configured number per grievance, even when uploads race', async () => {
    const id = await newGrievance();
    const results = await Promise.all([1, 2, 3, 4, 5].map((i) => upload(id, png(i, i), 'image/png', `p${i}.png`)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 409, 409]);
    expect(await rowCount(id)).toBe(3);
    const refused = results.find((r) => r.status === 409)!;
    expect(refused.body.error).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'file' }] });
    await upload(id, png(), 'image/png').expect(409);
  });

  it('never leaves a row without its file, nor a file without its row', async () => {
    const { rows } = await pg.query('SELECT storage_key, sha256 FROM intake.attachment ORDER BY storage_key');
    expect(rows.length).toBeGreaterThan(0);
    expect(await filesUnder(root)).toEqual(rows.map((r: { storage_key: string }) => r.storage_key).sort());
    for (const r of rows as { storage_key: string; sha256: string }[]) {
      expect(createHash('sha256').update(await readFile(join(root, r.storage_key))).digest('hex')).toBe(r.sha256);
    }
  });
});
