// Browser-test harness: serves dist/ with `vite preview` on 127.0.0.1 (a free port) and drives Debian's
// Chromium through playwright-core with a fresh profile. Every console error, page error and worker
// error is collected; specs assert there were none. Run by `npm run test:browser` (builds first).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

function findRepoRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

/** Repo root = the directory holding package.json; the reference data lives beside the repo. */
export const REPO_ROOT = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
export const REFERENCE_DIR = resolve(REPO_ROOT, '../shared/reference');
/** The built app; AWD_DIST_DIR points elsewhere (`vite build --outDir …`) so parallel builds cannot collide. */
export const DIST_DIR = resolve(REPO_ROOT, process.env['AWD_DIST_DIR'] ?? 'dist');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-webgpu', // WebGPU on SwiftShader (shared/notes/TFJS.md)
];

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? res(a.port) : rej(new Error('no port'))));
    });
  });
}

export interface Lab {
  url: string;
  context: BrowserContext;
  /** "console.error …", "pageerror …" and "worker error …" lines, in order. */
  errors: string[];
  /** Every console line (all levels), for diagnostics in failure messages. */
  log: string[];
  newPage(path?: string): Promise<Page>;
  close(): Promise<void>;
}

function watch(page: Page, lab: Pick<Lab, 'errors' | 'log'>): void {
  page.on('console', (m) => {
    lab.log.push(`[${m.type()}] ${m.text()}`);
    if (m.type() === 'error') lab.errors.push(`console.error ${m.text()}`);
  });
  page.on('pageerror', (e) => lab.errors.push(`pageerror ${e.message}`));
  page.on('worker', (w) => {
    lab.log.push(`[worker] ${w.url()}`);
  });
  page.on('crash', () => lab.errors.push('page crashed'));
}

export async function startLab(): Promise<Lab> {
  if (!existsSync(join(DIST_DIR, 'index.html')))
    throw new Error(`${DIST_DIR} missing: run \`vite build\` first`);
  const port = await freePort();
  const server: PreviewServer = await preview({
    root: REPO_ROOT,
    build: { outDir: DIST_DIR },
    logLevel: 'error',
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  const url = `http://127.0.0.1:${port}/`;
  const profile = mkdtempSync(join(tmpdir(), 'awd-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const lab: Lab = {
    url,
    context,
    errors: [],
    log: [],
    async newPage(path = '') {
      const page = await context.newPage();
      watch(page, lab);
      await page.goto(url + path);
      return page;
    },
    async close() {
      await context.close();
      await new Promise<void>((r) => server.httpServer.close(() => r()));
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return lab;
}

/** The assertion every spec ends with; prints the console log when it fails. */
export function noErrors(lab: Lab): string {
  return lab.errors.length ? `${lab.errors.join('\n')}\n--- console ---\n${lab.log.join('\n')}` : '';
}
