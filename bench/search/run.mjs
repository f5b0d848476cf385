#!/usr/bin/env node
// Search benchmark: kyodo's built-in index against Pagefind 1.x over the same
// kyodo output, with the same queries, in the same headless chromium.
//
//   node bench/search/run.mjs --content content --queries tests/browser/search-judged.json
//   node bench/search/run.mjs --content /tmp/corpus/kyodo/content --queries bench/search/corpus-queries.json
//
// Options: --out DIR (work folder, default build/bench-search), --kyodo BIN
// (default build/kyodo), --pagefind default,content (which Pagefind set-ups to
// run: `default` is `pagefind --site SITE` as a Hugo user would run it;
// `content` indexes only the pages kyodo indexes, from <main>), --json FILE,
// --city SLUG (search one city instead: through its own index, <city>/search/,
// and through the portal's index with the city filter; relevant pages are
// that city's; Pagefind has no city filter without extra markup, so use
// --pagefind '' with it).
//
// For each query and engine it prints recall@10 against the judged pages, the
// bytes fetched by one cold query (every file the search code loads: its script,
// index files, and the data of the 10 results it shows; the HTML page and CSS
// are left out for both), and for each engine the index size on disk and the
// index build time (kyodo: the "search" stage of `kyodo build --timings`).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../../tests/browser/lib.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TOP = 10;

function parseArgs(argv) {
  const o = { content: null, queries: null, out: path.join(REPO, 'build/bench-search'), kyodo: path.join(REPO, 'build/kyodo'),
    pagefind: ['default', 'content'], json: null, city: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i], v = () => argv[++i];
    if (a === '--content') o.content = v();
    else if (a === '--queries') o.queries = v();
    else if (a === '--out') o.out = v();
    else if (a === '--kyodo') o.kyodo = v();
    else if (a === '--pagefind') o.pagefind = v().split(',').filter(Boolean);
    else if (a === '--json') o.json = v();
    else if (a === '--city') o.city = v();
    else throw new Error(`unknown option ${a}`);
  }
  if (!o.content || !o.queries) throw new Error('usage: run.mjs --content DIR --queries FILE [--out DIR] [--pagefind default,content]');
  return o;
}

// ---- relevance: the same folding as search.js (NFKC, case, kana, letters/digits
// only, no ー or variation selectors, its VARIANTS table read from it) ----
const KEEP = /(?!\p{Variation_Selector})[\p{L}\p{N}\p{M}]/u;
const COMMON = (() => {
  const js = fs.readFileSync(path.join(REPO, 'themes/default/assets/search.js'), 'utf8');
  const pairs = Array.from(/var VARIANTS = '([^']*)'/.exec(js)[1]);
  return new Map(pairs.flatMap((ch, i) => (i % 2 === 0 ? [[ch, pairs[i + 1]]] : [])));
})();
function fold(text) {
  return Array.from(text.normalize('NFKC'), (ch) => {
    const l = ch.toUpperCase().toLowerCase();
    if (Array.from(l).length === 1) ch = l;
    const c = ch.codePointAt(0);
    if ((c >= 0x30a1 && c <= 0x30f6) || c === 0x30fd || c === 0x30fe) ch = String.fromCodePoint(c - 0x60);
    if (ch === '\u30fc') return '';
    return KEEP.test(ch) ? COMMON.get(ch) || ch : '';
  }).join('');
}

// Site path → folded text (title, summary, body without link targets) of every content page.
function contentTexts(contentDir) {
  const texts = new Map();
  for (const city of fs.readdirSync(contentDir)) {
    const cdir = path.join(contentDir, city);
    if (!fs.statSync(cdir).isDirectory()) continue;
    for (const kind of ['cases', 'groups', 'policies', 'news', 'pages']) {
      const kdir = path.join(cdir, kind);
      if (!fs.existsSync(kdir)) continue;
      for (const f of fs.readdirSync(kdir).filter((n) => n.endsWith('.md'))) {
        const src = fs.readFileSync(path.join(kdir, f), 'utf8');
        const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(src) || [null, '', src];
        const field = (k) => (new RegExp(`^${k}:\\s*(.*)$`, 'm').exec(m[1]) || [])[1] || '';
        const slug = field('slug').replace(/^["']|["']$/g, '') || f.slice(0, -3);
        const body = m[2].replace(/\]\([^)]*\)/g, ']'); // Markdown source, not HTML: drop link targets
        texts.set(`${city}/${kind}/${slug}/`, fold([field('title'), field('summary'), body].join(' ')));
      }
    }
  }
  return texts;
}

// ---- a static server that counts the bytes of every response ----
async function serve(siteDir, pagefindDir, harness) {
  const log = [];
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css',
    '.json': 'application/json', '.wasm': 'application/wasm' };
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file;
    if (rel === '/__pagefind.html') {
      res.writeHead(200, { 'Content-Type': types['.html'], 'Cache-Control': 'no-store' });
      return res.end(harness);
    }
    if (rel.startsWith('/pagefind/') && pagefindDir) file = path.join(pagefindDir, rel.slice('/pagefind/'.length));
    else file = path.join(siteDir, rel);
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(404);
      return res.end();
    }
    const body = fs.readFileSync(file);
    log.push({ path: rel, bytes: body.length, gzip: Math.min(body.length, zlib.gzipSync(body, { level: 6 }).length) });
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, log, close: () => { server.closeAllConnections(); server.close(); } };
}

function dirBytes(dir, skip = () => false) {
  let n = 0, files = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) { const s = dirBytes(p, skip); n += s.bytes; files += s.files; }
    else if (!skip(p)) { n += fs.statSync(p).size; files++; }
  }
  return { bytes: n, files };
}

// ---- builds ----
function buildKyodo(o, site) {
  const r = spawnSync(o.kyodo, ['build', '--content', o.content, '--out', site, '--timings'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`kyodo build failed:\n${r.stderr}`);
  const seconds = Number((/search: ([\d.]+)/.exec(r.stderr) || [])[1]);
  let bytes = 0, files = 0;
  const add = (s) => { bytes += s.bytes; files += s.files; };
  const notHtml = (p) => p.endsWith('.html');
  add(dirBytes(path.join(site, 'search'), notHtml));
  for (const city of fs.readdirSync(site)) {
    const d = path.join(site, city, 'search');
    if (city !== 'search' && fs.existsSync(d)) add(dirBytes(d, notHtml));
  }
  const js = fs.readdirSync(path.join(site, 'assets/default')).find((f) => /^search\..*\.js$/.test(f));
  add({ bytes: fs.statSync(path.join(site, 'assets/default', js)).size, files: 1 });
  return { seconds, bytes, files };
}

function buildPagefind(site, out, mode) {
  fs.rmSync(out, { recursive: true, force: true });
  const args = ['--site', site, '--output-path', out, '--silent'];
  if (mode === 'content') args.push('--glob', '*/{cases,groups,policies,news,pages}/*/index.html', '--root-selector', 'main');
  const t0 = process.hrtime.bigint();
  execFileSync(path.join(REPO, 'node_modules/.bin/pagefind'), args, { stdio: 'inherit' });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const all = dirBytes(out);
  const engine = dirBytes(out, (p) => /pagefind-(ui|component-ui|modular-ui|highlight)/.test(path.basename(p)));
  return { seconds, bytes: all.bytes, files: all.files, engineBytes: engine.bytes };
}

// ---- queries ----
async function runKyodo(page, server, q, at) {
  await page.goto(`${server.url}/${at}q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => /件|見つかりませんでした|読み込めません/.test(document.getElementById('search-status').textContent));
  return page.evaluate(() => ({
    count: Number((/：(\d+)件/.exec(document.getElementById('search-status').textContent) || [0, 0])[1]),
    paths: [...document.querySelectorAll('.search-item')].map((li) => li.dataset.path),
  }));
}

async function runPagefind(page, server, q) {
  await page.goto(`${server.url}/__pagefind.html`);
  await page.waitForFunction(() => typeof window.runPagefind === 'function');
  return page.evaluate((q) => window.runPagefind(q), q);
}

const HARNESS = `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>pagefind</title></head><body>
<script type="module">
window.runPagefind = async (q) => {
  const pf = await import('/pagefind/pagefind.js');
  const s = await pf.search(q);
  const data = await Promise.all(s.results.slice(0, ${TOP}).map((r) => r.data()));
  return { count: s.results.length, paths: data.map((d) => d.url.replace(/^\\//, '').replace(/index\\.html$/, '')) };
};
</script></body></html>`;

function score(q, result, texts) {
  const words = q.q.split(/\s+/).map(fold).filter(Boolean);
  const contains = [...texts].filter(([, t]) => words.every((w) => t.includes(w))).map(([p]) => p);
  const relevant = (q.judged || contains).filter((p) => texts.has(p) || q.judged);
  const top = result.paths.slice(0, TOP);
  const found = relevant.filter((p) => top.includes(p)).length;
  const need = Math.min(TOP, relevant.length);
  return {
    recall: need ? found / need : null,
    found, need,
    withoutText: top.filter((p) => !contains.includes(p)).length,
  };
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const spec = JSON.parse(fs.readFileSync(o.queries, 'utf8'));
  fs.mkdirSync(o.out, { recursive: true });
  const site = path.join(o.out, 'site');
  console.log(`building kyodo site from ${o.content} …`);
  const kyodo = buildKyodo(o, site);
  const engines = o.city ? [
    { name: `kyodo-${o.city}-index`, at: `${o.city}/search/index.html?`, build: kyodo },
    { name: 'kyodo-portal-index+filter', at: `search/index.html?city=${o.city}&`, build: kyodo },
  ] : [{ name: 'kyodo', at: 'search/index.html?', build: kyodo }];
  for (const mode of o.pagefind) {
    console.log(`building Pagefind (${mode}) …`);
    engines.push({ name: `pagefind-${mode}`, dir: path.join(o.out, `pagefind-${mode}`), build: null });
    engines.at(-1).build = buildPagefind(site, engines.at(-1).dir, mode);
  }
  const texts = contentTexts(o.content);
  if (o.city) for (const p of [...texts.keys()]) if (!p.startsWith(`${o.city}/`)) texts.delete(p);
  const browser = await launchBrowser();
  const rows = [];
  try {
    for (const e of engines) {
      const server = await serve(site, e.dir, HARNESS);
      for (const q of spec.queries) {
        // A new page with the HTTP cache off: the first query of a visitor, cold.
        const page = await browser.context.newPage();
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        server.log.length = 0;
        const result = e.at ? await runKyodo(page, server, q.q, e.at) : await runPagefind(page, server, q.q);
        await page.close();
        const fetched = server.log.filter((f) => (e.at ? f.path.endsWith('.js') : f.path.startsWith('/pagefind/')));
        rows.push({ engine: e.name, q: q.q, count: result.count, top: result.paths.slice(0, TOP), ...score(q, result, texts),
          files: fetched.length, bytes: fetched.reduce((n, f) => n + f.bytes, 0), gzip: fetched.reduce((n, f) => n + f.gzip, 0) });
      }
      server.close();
    }
  } finally {
    await browser.close();
  }
  report(spec, engines, rows);
  if (o.json) fs.writeFileSync(o.json, JSON.stringify({ engines, rows }, null, 1) + '\n');
}

function report(spec, engines, rows) {
  const kb = (n) => (n / 1000).toFixed(1);
  console.log(`\n## ${spec.title}\n`);
  console.log('| query | ' + engines.map((e) => `${e.name} recall@10 | results | files | KB (gzip KB)`).join(' | ') + ' |');
  console.log('|---|' + engines.map(() => '---|---|---|---').join('|') + '|');
  for (const q of spec.queries) {
    const cells = engines.map((e) => {
      const r = rows.find((x) => x.engine === e.name && x.q === q.q);
      const rec = r.recall === null ? '–' : `${r.found}/${r.need}`;
      return `${rec} | ${r.count} | ${r.files} | ${kb(r.bytes)} (${kb(r.gzip)})`;
    });
    console.log(`| ${q.q} | ${cells.join(' | ')} |`);
  }
  console.log('\n| engine | recall@10 (mean) | top-10 results without the query text | KB per cold query: mean / max (gzip mean) | index on disk | files | build s |');
  console.log('|---|---|---|---|---|---|---|');
  for (const e of engines) {
    const rs = rows.filter((r) => r.engine === e.name), judged = rs.filter((r) => r.recall !== null);
    const mean = (f) => rs.reduce((n, r) => n + f(r), 0) / rs.length;
    const recall = judged.reduce((n, r) => n + r.recall, 0) / judged.length;
    const b = e.build;
    const size = `${(b.bytes / 1e6).toFixed(2)} MB` + (b.engineBytes !== undefined ? ` (${(b.engineBytes / 1e6).toFixed(2)} MB without UI)` : '');
    console.log(`| ${e.name} | ${recall.toFixed(3)} | ${rs.reduce((n, r) => n + r.withoutText, 0)} | ${kb(mean((r) => r.bytes))} / ` +
      `${kb(Math.max(...rs.map((r) => r.bytes)))} (${kb(mean((r) => r.gzip))}) | ${size} | ${b.files} | ${b.seconds.toFixed(2)} |`);
  }
}

main().catch((e) => {
  console.error(e.stack || e);
  process.exit(1);
});
