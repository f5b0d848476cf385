#!/usr/bin/env node
// The built site under the security headers docs/deploy.md recommends, in headless
// chromium.
//
//   node tests/browser/csp.mjs SITE_DIR
//
// Reads the Content-Security-Policy line from docs/deploy.md (so the advice and the
// test cannot drift apart), serves SITE_DIR with it, and opens one page of every
// type of tests/browser/page_types.json: no page may report a policy violation (an
// inline <script>, style= or onclick= in a template would), and the scripts must
// still work: a search shows results, the group filter appears, a form's error
// summary appears on an empty submit. Exit 0 when all pass, 1 otherwise.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDir, launchBrowser } from './lib.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const site = process.argv[2];
if (!site || !fs.existsSync(path.join(site, 'index.html'))) {
  console.error('usage: node tests/browser/csp.mjs SITE_DIR (a built site)');
  process.exit(2);
}

const failures = [];
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${what}`);
  if (!ok) failures.push(what);
}

const deploy = fs.readFileSync(path.join(HERE, '../../docs/deploy.md'), 'utf8');
const policyLine = deploy.split('\n').find((l) => l.startsWith('Content-Security-Policy: '));
if (!policyLine) {
  console.error('docs/deploy.md has no "Content-Security-Policy: …" line to test');
  process.exit(1);
}
const headers = {
  'Content-Security-Policy': policyLine.slice('Content-Security-Policy: '.length),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

// One page of each type, the first in path order.
function walk(dir, rel = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const sub = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? walk(path.join(dir, e.name), sub) : [sub];
  });
}
const files = walk(site).filter((f) => f.endsWith('.html')).sort();
const types = JSON.parse(fs.readFileSync(path.join(HERE, 'page_types.json'), 'utf8'));
const pages = types.map((t) => ({ type: t.type, path: files.find((f) => new RegExp(t.pattern).test(f)) }))
  .filter((p) => p.path);

const server = await serveDir(site, headers);
const browser = await launchBrowser();
try {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI || 'inline'} ${e.sourceFile || ''}:${e.lineNumber || ''}`));
  });
  // 404.html links its stylesheets by the absolute base_url address (it is served at
  // any path): on the real host that is 'self'; here, the site's own file elsewhere.
  const ownFile = (uri) => {
    const m = /^https?:\/\/[^/]+(\/[^?#]*)/.exec(uri);
    if (!m) return false;
    const parts = m[1].split('/').filter(Boolean);
    return parts.some((_, i) => fs.existsSync(path.join(site, ...parts.slice(i))) && i < parts.length - 1);
  };
  const violations = async () => (await page.evaluate(() => window.__violations))
    .filter((v) => !ownFile(v.split(' ')[1]));

  for (const { type, path: p } of pages) {
    const response = await page.goto(server.url + p);
    check(response.headers()['content-security-policy'] === headers['Content-Security-Policy'],
      `${type}: served with the policy (${p})`);
    if (type === 'search') {
      await page.fill('#search-q', '協働');
      await page.press('#search-q', 'Enter');
      await page.waitForFunction(() => document.querySelectorAll('#search-results .search-item').length > 0, null,
        { timeout: 10000 }).catch(() => {});
      check(await page.$$eval('#search-results .search-item', (li) => li.length > 0), `${type}: the search shows results`);
    }
    if (type === 'groups' && await page.$('#group-filter')) {
      check(await page.isVisible('#group-filter'), `${type}: groups.js shows the filter form`);
    }
    const v = await violations();
    check(v.length === 0, `${type}: no policy violation${v.length ? ': ' + v.join(' | ') : ''}`);
  }
  // forms.js: the first form that sends answers (a printable 様式 has no button).
  const formPattern = new RegExp(types.find((t) => t.type === 'form').pattern);
  let summaryShown = null;
  for (const p of files.filter((f) => formPattern.test(f))) {
    await page.goto(server.url + p);
    const button = await page.$('form[data-kform] button[type="submit"]:not([disabled])');
    if (!button || !(await page.$('form[data-kform] [required]'))) continue;
    await button.click();
    summaryShown = await page.isVisible('.kform-error-summary');
    const v = await violations();
    check(v.length === 0, `form: no policy violation after an empty submit (${p})${v.length ? ': ' + v.join(' | ') : ''}`);
    break;
  }
  check(summaryShown === true, 'form: forms.js shows the error summary on an empty submit');
  check(pages.length >= 15, `${pages.length} page types opened`);
} finally {
  await browser.close();
  await server.close();
}
if (failures.length) {
  console.log(`\n${failures.length} failed`);
  process.exit(1);
}
console.log(`\nall ${pages.length} page types work under the Content-Security-Policy of docs/deploy.md`);
