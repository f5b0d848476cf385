#!/usr/bin/env node
// `kyodo serve` in headless chromium, on a copy of content/:
//   - the open case page reloads by itself when its Markdown is saved, shows the
//     new text and keeps its scroll position;
//   - a broken save (date: 平成32年) shows the alert overlay with file:line:col,
//     without reloading; axe finds nothing on the page with the overlay shown;
//   - the fix removes the overlay and reloads the page;
//   - the files on disk never contain the reload script, and equal a fresh
//     `kyodo build` of the edited content byte for byte;
//   - a missing page answers 404 with the site's 404.html; SIGTERM stops the server.
//
//   node tests/browser/serve.mjs [--kyodo build/kyodo]
// Exit 0 when every check passed, 1 on failures, 2 when the run itself broke.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, runAxe } from './lib.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const args = process.argv.slice(2);
const KYODO = path.resolve(args.includes('--kyodo') ? args[args.indexOf('--kyodo') + 1] : path.join(REPO, 'build/kyodo'));
const BUILD_DATE = '2025-04-01';
const CITY = 'saku';
const WAIT_MS = 10000;

const failures = [];
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${what}`);
  if (!ok) failures.push(what);
}

/** Polls `fn` in the page until it returns a truthy value; survives the page reloading meanwhile. */
async function waitInPage(page, fn, arg, ms = WAIT_MS) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await page.evaluate(fn, arg).catch(() => undefined); // undefined while navigating
    if (value) return value;
    if (Date.now() > deadline) return null;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Starts kyodo serve and resolves to {url, process, lines, waitForLine} once it prints its address. */
async function startServe(content, out) {
  const child = spawn(KYODO, ['serve', '--content', content, '--out', out, '--port', '0', '--build-date', BUILD_DATE],
    { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = [];
  const waiters = [];
  const onText = (chunk) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line) continue;
      lines.push(line);
      for (const w of [...waiters]) w();
    }
  };
  child.stdout.on('data', onText);
  child.stderr.on('data', onText);
  /** Resolves to the first line after `from` matching `re`, or null after WAIT_MS. */
  const waitForLine = (re, from = 0) => new Promise((resolve) => {
    const look = () => {
      const found = lines.slice(from).find((l) => re.test(l));
      if (found === undefined) return false;
      waiters.splice(waiters.indexOf(look), 1);
      clearTimeout(timer);
      resolve(found);
      return true;
    };
    const timer = setTimeout(() => { waiters.splice(waiters.indexOf(look), 1); resolve(null); }, WAIT_MS);
    waiters.push(look);
    look();
  });
  const line = await waitForLine(/http:\/\/127\.0\.0\.1:\d+\//);
  if (!line) throw new Error(`kyodo serve printed no address:\n${lines.join('\n')}`);
  return { url: line.match(/http:\/\/127\.0\.0\.1:\d+\//)[0], child, lines, waitForLine };
}

function filesUnder(dir) {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile()).map((e) => path.join(e.path ?? e.parentPath, e.name));
}

const t0 = Date.now();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kyodo-serve-'));
const content = path.join(tmp, 'content');
const out = path.join(tmp, 'site');
fs.cpSync(path.join(REPO, 'content'), content, { recursive: true });
const caseName = fs.readdirSync(path.join(content, CITY, 'cases')).filter((f) => f.endsWith('.md')).sort()[0];
const caseFile = path.join(content, CITY, 'cases', caseName);
const original = fs.readFileSync(caseFile, 'utf8');
const casePath = `${CITY}/cases/${caseName.replace(/\.md$/, '')}/`;

let serve = null;
let browser = null;
try {
  serve = await startServe(content, out);
  check(fs.existsSync(path.join(out, casePath, 'index.html')), `the first build wrote ${casePath}index.html`);
  browser = await launchBrowser({ viewport: { width: 1280, height: 500 } });
  const page = await browser.context.newPage();
  const response = await page.goto(serve.url + casePath);
  check(response.status() === 200, `GET /${casePath} → 200`);
  check((await response.text()).includes('<script src="/_kyodo/reload.js"></script>'), 'the served page carries the reload script');

  // 1. An edit: the page reloads by itself (the flag set on the old document is gone) and keeps its scroll.
  await page.evaluate(() => { window.kyodoOld = true; window.scrollTo({ top: 300, behavior: 'instant' }); });
  const scrolled = await page.evaluate(() => window.scrollY);
  const marker = `自動再読み込みの確認-${process.pid}-${Date.now()}`;
  let from = serve.lines.length;
  const saved = Date.now();
  fs.writeFileSync(caseFile, `${original}\n${marker}\n`);
  const shown = await waitInPage(page, (m) => !window.kyodoOld && document.querySelector('main').innerText.includes(m), marker);
  const reloadMs = Date.now() - saved;
  check(shown, `after saving, the page reloads and shows the new paragraph (${reloadMs} ms from save to visible)`);
  const updated = await serve.waitForLine(/^更新: .*→ \d+ ページ（\d+ ms）$/, from);
  check(updated, `the terminal says what was updated: ${updated}`);
  // After the load event's handlers (the reload script restores the position in one):
  // readyState is 'complete' just before they run, when the browser's own restore still shows.
  const y = await waitInPage(page, () => performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0 && window.scrollY);
  check(scrolled > 0 && Math.abs(y - scrolled) <= 2, `the reload keeps the scroll position (${scrolled} → ${y})`);

  // 2. A broken save: the overlay names file:line:col; the page is not reloaded.
  await page.evaluate(() => { window.kyodoOld = true; });
  const lines = original.split('\n');
  const dateLine = lines.findIndex((l) => l.startsWith('date:')) + 1;
  from = serve.lines.length;
  fs.writeFileSync(caseFile, original.replace(/^date: .*$/m, 'date: 平成32年'));
  const where = `${caseFile}:${dateLine}:7: error:`;
  const overlay = await waitInPage(page, () => {
    const o = document.getElementById('kyodo-serve-error');
    return o && { role: o.getAttribute('role'), text: o.innerText, old: window.kyodoOld === true };
  });
  check(overlay, 'a broken save shows the error overlay');
  check(overlay?.role === 'alert', 'the overlay is role="alert"');
  check(overlay?.text.includes('サイトを更新できませんでした'), 'the overlay says in Japanese that the update failed');
  check(overlay?.text.includes(where), `the overlay shows ${path.basename(where)}`);
  check(overlay?.old, 'the broken save did not reload the page');
  check(await serve.waitForLine(new RegExp(`${caseName}:${dateLine}:7: error: `), from), 'the terminal shows the same error');
  const violations = await runAxe(page);
  check(violations.length === 0, `axe with the overlay shown: ${violations.length} violations` +
    violations.map((v) => `\n      ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join(''));
  // A page opened while the site is broken shows the overlay at once.
  const second = await browser.context.newPage();
  await second.goto(serve.url);
  check(await waitInPage(second, () => document.getElementById('kyodo-serve-error')), 'a page opened during the error shows the overlay too');
  await second.close();

  // 3. The fix: the overlay goes and the page reloads with the fixed text.
  const fixedMarker = `${marker}-直しました`;
  from = serve.lines.length;
  fs.writeFileSync(caseFile, `${original}\n${fixedMarker}\n`);
  const fixed = await waitInPage(page, (m) => !window.kyodoOld && !document.getElementById('kyodo-serve-error') &&
    document.querySelector('main').innerText.includes(m), fixedMarker);
  check(fixed, 'after the fix the overlay is gone and the page reloaded with the fixed text');
  check(await serve.waitForLine(/^更新: /, from), 'the terminal reports the fixed update');

  // 4. A missing page: the site's 404 page with status 404.
  const missing = await fetch(`${serve.url}${CITY}/cases/nai-jirei/`);
  check(missing.status === 404 && (await missing.text()).includes('/_kyodo/reload.js'), 'a missing page answers 404 with the 404 page');

  // 5. The files on disk: no reload script, and the same bytes as a fresh build of the edited content.
  await new Promise((r) => setTimeout(r, 300)); // the site-wide files follow the reload
  const injected = filesUnder(out).filter((f) => fs.readFileSync(f).includes('/_kyodo/'));
  check(injected.length === 0, `no file on disk contains the reload script (${injected.slice(0, 3).join(', ')})`);
  const fresh = path.join(tmp, 'fresh');
  execFileSync(KYODO, ['build', '--content', content, '--out', fresh, '--build-date', BUILD_DATE], { cwd: REPO });
  let diff = '';
  try {
    execFileSync('diff', ['-rq', out, fresh], { encoding: 'utf8' });
  } catch (e) {
    diff = e.stdout;
  }
  check(diff === '', `the served folder equals a fresh kyodo build byte for byte${diff ? `:\n${diff.split('\n').slice(0, 8).join('\n')}` : ''}`);

  // 6. SIGTERM: a clean stop.
  const exited = new Promise((resolve) => serve.child.once('exit', (code) => resolve(code)));
  serve.child.kill('SIGTERM');
  const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 5000))]);
  check(code === 0, `SIGTERM stops kyodo serve with exit code 0 (${code})`);
  check(serve.lines.at(-1) === 'kyodo: 終了しました', 'it says it stopped');
  serve = null;
} catch (e) {
  console.error(`serve: the run broke: ${e.stack}`);
  process.exitCode = 2;
} finally {
  if (browser) await browser.close();
  if (serve) serve.child.kill('SIGKILL');
  fs.rmSync(tmp, { recursive: true, force: true });
}
if (process.exitCode !== 2) {
  console.log(`serve: ${failures.length} failures, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  process.exitCode = failures.length ? 1 : 0;
}
