// Node side of the Chromium benchmark: builds the bench page (its own Vite config), serves it with
// `vite preview` on 127.0.0.1 (a free port), drives Debian's Chromium through playwright-core with the
// test harness's flags and a fresh profile, runs the plan in the page and always closes everything.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import type { PagePlan, PageResult } from './types.ts';

const CONFIG = fileURLToPath(new URL('./vite.config.ts', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
// tests/browser/harness.ts's flags (WebGPU on SwiftShader needs --enable-unsafe-webgpu).
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-webgpu',
];

export interface BrowserRun {
  chromium: string;
  page?: PageResult;
  /** Console errors, page errors and crashes seen while benchmarking. */
  errors: string[];
  error?: string;
}

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

export function chromiumVersion(): string {
  try {
    return execFileSync(CHROMIUM, ['--version'], {
      encoding: 'utf8',
      timeout: 20_000,
      stdio: ['ignore', 'pipe', 'ignore'], // Debian's wrapper script chatters on stderr
    }).trim();
  } catch (e) {
    return `unknown (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`;
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let id: ReturnType<typeof setTimeout> | undefined;
  const t = new Promise<never>((_, rej) => {
    id = setTimeout(() => rej(new Error(`${what} did not finish in ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(id));
}

export async function runBrowser(
  plan: PagePlan,
  timeoutMs: number,
  say: (l: string) => void,
): Promise<BrowserRun> {
  const out: BrowserRun = { chromium: chromiumVersion(), errors: [] };
  let server: PreviewServer | null = null;
  let context: BrowserContext | null = null;
  const profile = mkdtempSync(join(tmpdir(), 'awd-bench-chromium-'));
  try {
    say('building the bench page (bench/browser, vite build)…');
    await build({ configFile: CONFIG, logLevel: 'error' });
    const port = await freePort();
    server = await preview({
      configFile: CONFIG,
      logLevel: 'warn',
      preview: { host: '127.0.0.1', port, strictPort: true, open: false },
    });
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
    });
    const page = await context.newPage();
    page.on('console', (m) => {
      const text = m.text();
      if (text.startsWith('[bench] ')) say(`  chromium: ${text.slice(8)}`);
      if (m.type() === 'error') out.errors.push(`console.error ${text}`);
    });
    page.on('pageerror', (e) => out.errors.push(`pageerror ${e.message}`));
    page.on('crash', () => out.errors.push('page crashed'));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => 'run' in (window.__awdBench ?? {}), null, { timeout: 30_000 });
    out.page = await withTimeout(
      page.evaluate((p) => window.__awdBench.run(p), plan),
      timeoutMs,
      'the Chromium benchmark',
    );
  } catch (e) {
    out.error = e instanceof Error ? e.message : String(e);
  } finally {
    await context?.close().catch(() => undefined);
    if (server) await new Promise<void>((r) => server!.httpServer.close(() => r()));
    rmSync(profile, { recursive: true, force: true });
  }
  return out;
}
