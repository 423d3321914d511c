import { Controller, Get, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { assetFile } from './web-ui.middleware';
import { WebUiModule } from './web-ui.module';

// Stand-ins for the routes the web UI must never shadow.
@Controller()
class ApiStandIn {
  @Get('graphql')
  graphql() {
    return { api: 'graphql' };
  }

  @Get('health/live')
  live() {
    return { status: 'ok' };
  }
}

describe('WebUiModule', () => {
  let dir: string;
  let app: INestApplication;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ykb-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>一口办</title>');
    writeFileSync(join(dir, 'assets', 'app-1a2b.js'), 'console.log(1)');
    writeFileSync(join(dir, '.env'), 'SECRET=1');
    const moduleRef = await Test.createTestingModule({ imports: [WebUiModule.register({ dir })], controllers: [ApiStandIn] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / and for client-side routes a browser navigates to', async () => {
    for (const path of ['/', '/board', '/citizen/track']) {
      const res = await request(app.getHttpServer()).get(path).set('accept', 'text/html');
      expect({ path, status: res.status, body: res.text }).toEqual({ path, status: 200, body: '<!doctype html><title>一口办</title>' });
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets with a long cache lifetime', async () => {
    const res = await request(app.getHttpServer()).get('/assets/app-1a2b.js');
    expect(res.status).toBe(200);
    expect(res.text).toBe('console.log(1)');
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('never shadows /graphql or /health, even for a browser asking for HTML', async () => {
    const graphql = await request(app.getHttpServer()).get('/graphql').set('accept', 'text/html');
    expect(graphql.body).toEqual({ api: 'graphql' });
    const health = await request(app.getHttpServer()).get('/health/live').set('accept', 'text/html');
    expect(health.body).toEqual({ status: 'ok' });
    const unknownHealth = await request(app.getHttpServer()).get('/health/whatever').set('accept', 'text/html');
    expect(unknownHealth.status).toBe(404);
  });

  it('answers 404 for a missing file, a non-HTML request and a POST instead of the app', async () => {
    expect((await request(app.getHttpServer()).get('/assets/missing.js')).status).toBe(404);
    expect((await request(app.getHttpServer()).get('/board').set('accept', 'application/json')).status).toBe(404);
    expect((await request(app.getHttpServer()).post('/board').set('accept', 'text/html')).status).toBe(404);
  });

  it('never serves dot files or anything outside its directory', async () => {
    expect((await request(app.getHttpServer()).get('/.env')).status).toBe(404);
    expect(assetFile(dir, '/../package.json')).toBeUndefined();
    expect(assetFile(dir, '/%2e%2e/%2e%2e/etc/passwd')).toBeUndefined();
    expect(assetFile(dir, '/assets/%00.js')).toBeUndefined();
    expect(assetFile(dir, '/assets/app-1a2b.js')).toBe(join(dir, 'assets', 'app-1a2b.js'));
  });
});
