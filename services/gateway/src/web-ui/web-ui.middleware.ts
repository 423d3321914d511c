import { existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { NextFunction, Request, Response } from 'express';

/**
 * Paths the web UI never answers, whatever the browser asks for: the API, the probes, and any
 * future HTTP API. The SPA fallback must not turn a mistyped API call into an HTML page.
 */
const RESERVED = [/^\/graphql(\/|$)/, /^\/health(\/|$)/, /^\/api(\/|$)/];

export const isReservedPath = (path: string): boolean => RESERVED.some((r) => r.test(path));

/** The file under `root` that `urlPath` names, or undefined when there is none or it would leave `root`. */
export function assetFile(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = resolve(root, `.${decoded}`);
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  // Dot files (.DS_Store, .env) are never part of a build worth serving.
  if (file.slice(root.length).split(sep).some((part) => part.startsWith('.'))) return undefined;
  try {
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves the built web UI (dist/web) at `/`: files as they are — hashed assets cached for a
 * year — and index.html for any other page a browser asks for (client-side routes such as
 * /board), so a reload or a shared link works. Runs before Nest's router, so the deny-by-default
 * guard, which protects data, not the application's static files, does not apply here.
 */
export function webUiMiddleware(dir: string) {
  const root = resolve(dir);
  const index = join(root, 'index.html');
  return (req: Request, res: Response, next: NextFunction): void => {
    // Nest mounts middleware on a route, which makes req.path relative to it: read the full URL.
    const path = new URL(req.originalUrl, 'http://gateway').pathname;
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isReservedPath(path)) return next();
    const file = assetFile(root, path);
    if (file && file !== root) {
      const hashed = path.startsWith('/assets/');
      res.sendFile(file, { dotfiles: 'deny', maxAge: hashed ? '365d' : 0, immutable: hashed, headers: { 'x-content-type-options': 'nosniff' } }, (err) => err && next(err));
      return;
    }
    // A missing file (with an extension, or a dot file) is a 404, not the app; only page navigations get index.html.
    if (extname(path) || /\/\./.test(path) || !req.accepts('html') || !existsSync(index)) return next();
    res.sendFile(index, { headers: { 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' } }, (err) => err && next(err));
  };
}
