// Helpers for the browser checks: a static server for a built site, a headless
// Debian chromium driven by playwright-core, and axe-core.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm', // pagefind loads its wasm with instantiateStreaming
};

/**
 * Serve `dir` on 127.0.0.1 at a free port. Resolves to {url, close}; url ends in "/".
 * `headers` are added to every response (e.g. a Content-Security-Policy).
 */
export async function serveDir(dir, headers = {}) {
  const root = path.resolve(dir);
  const server = http.createServer(async (req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    try {
      let rel;
      try {
        rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      } catch {
        return send(res, 400, 'text/plain', 'bad URL');
      }
      let file = path.join(root, path.normalize(rel));
      if (file !== root && !file.startsWith(root + path.sep)) return send(res, 403, 'text/plain', 'forbidden');
      let st = await fsp.stat(file).catch(() => null);
      if (st?.isDirectory()) {
        // Like a real server: "dir" -> "dir/" so relative links in index.html resolve.
        if (!rel.endsWith('/')) {
          res.writeHead(301, { Location: rel + '/' });
          return res.end();
        }
        file = path.join(file, 'index.html');
        st = await fsp.stat(file).catch(() => null);
      }
      if (!st?.isFile()) {
        const page404 = await fsp.readFile(path.join(root, '404.html')).catch(() => null);
        return page404 ? send(res, 404, TYPES['.html'], page404) : send(res, 404, 'text/plain', 'not found');
      }
      const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
      send(res, 200, type, await fsp.readFile(file));
    } catch (e) {
      send(res, 500, 'text/plain', String(e));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections(); // keep-alive sockets from chromium would hold close() open
      server.close(() => resolve());
    }),
  };
}

function send(res, status, type, body) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

// Flags checked with Debian's chromium: no sandbox (root in a container), and
// nothing that talks to Google services, so runs are offline and repeatable.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Start chromium with a fresh empty profile. Resolves to {context, close}.
 * `contextOptions` go to the browser context, e.g. {javaScriptEnabled: false}.
 */
export async function launchBrowser(contextOptions = {}) {
  // Playwright rejects --user-data-dir in launch() args; a persistent context
  // on an empty temp dir is the supported way to pin the profile.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kyodo-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: FLAGS,
      ...contextOptions,
    });
    return {
      context,
      close: async () => {
        await context.close().catch(() => {});
        fs.rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (e) {
    fs.rmSync(profile, { recursive: true, force: true });
    throw e;
  }
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Run axe (WCAG 2.1 A/AA rules) on the loaded page; resolves to the raw axe results. */
export async function axeResults(page, resultTypes = ['violations']) {
  // evaluate() is not subject to the page's Content-Security-Policy, unlike an
  // injected <script>; axe's UMD wrapper sets window.axe.
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(([values, resultTypes]) => window.axe.run(document, {
    runOnly: { type: 'tag', values },
    resultTypes,
  }), [WCAG_TAGS, resultTypes]);
}

/** The WCAG 2.1 A/AA violations on the loaded page. */
export async function runAxe(page) {
  return (await axeResults(page)).violations;
}

/** The axe rules of the WCAG 2.0/2.1 A/AA tags, with their tags (which name the success criteria). */
export async function axeRules(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate((values) => window.axe.getRules(values), WCAG_TAGS);
}

/**
 * Pass/fail lines for the small fixture checks (body_tables.mjs, low_vision.mjs):
 * check(ok, what) prints one line; done() prints the summary and sets the exit code.
 */
export function checkList(name) {
  const failures = [];
  return {
    check(ok, what) {
      console.log(`${ok ? 'ok  ' : 'FAIL'}  ${what}`);
      if (!ok) failures.push(what);
    },
    done() {
      if (failures.length) {
        console.log(`${name}: ${failures.length} failure(s)`);
        process.exitCode = 1;
      } else {
        console.log(`${name}: all passed`);
      }
    },
  };
}

/** WCAG contrast ratio of two computed CSS colours ("rgb(…)"/"rgba(…)"; alpha ignored). */
export function contrastRatio(a, b) {
  const lum = (css) => {
    const [r, g, bl] = css.match(/[\d.]+/g).slice(0, 3).map((v) => Number(v) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
