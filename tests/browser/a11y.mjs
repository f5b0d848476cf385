#!/usr/bin/env node
// Accessibility gate: axe-core (WCAG 2.1 A/AA) + a reflow check + screenshots.
//
//   node tests/browser/a11y.mjs SITE_DIR [--pages p1.html p2.html ...] [--out build/a11y] [--expect-fail]
//
// Without --pages, one page per type from page_types.json is tested. Every page
// is loaded at 375 and 1280 px wide. Exit: 0 clean, 1 violations, 2 run errors.
// --expect-fail inverts the verdict (0 only if something WAS found), to prove the gate can fail.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDir, launchBrowser, axeResults, WCAG_TAGS } from './lib.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const WIDTHS = [375, 1280];
const HEIGHT = 800;
const REFLOW_WIDTH = 375;

function usage(msg) {
  console.error(`a11y: ${msg}\nusage: node tests/browser/a11y.mjs SITE_DIR [--pages p.html ...] [--out DIR] [--expect-fail]`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { site: null, pages: null, out: 'build/a11y', expectFail: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--pages') {
      opts.pages = [];
      while (i + 1 < argv.length && !argv[i + 1].startsWith('--')) opts.pages.push(argv[++i]);
    } else if (a === '--out') {
      if (i + 1 >= argv.length) usage('--out needs a directory');
      opts.out = argv[++i];
    } else if (a === '--expect-fail') {
      opts.expectFail = true;
    } else if (a.startsWith('--')) {
      usage(`unknown option ${a}`);
    } else if (!opts.site) {
      opts.site = a;
    } else {
      usage(`unexpected argument ${a}`);
    }
  }
  if (!opts.site) usage('SITE_DIR missing');
  if (!fs.statSync(opts.site, { throwIfNoEntry: false })?.isDirectory()) usage(`not a directory: ${opts.site}`);
  return opts;
}

/** Site-relative "/"-separated paths of all .html files, sorted so picks are stable. */
function listHtml(site) {
  return fs.readdirSync(site, { recursive: true })
    .map((p) => p.split(path.sep).join('/'))
    .filter((p) => p.endsWith('.html'))
    .sort();
}

/** [{type, label, path}] to test, plus the types that have no page. */
function selectTargets(site, pages) {
  const types = JSON.parse(fs.readFileSync(path.join(HERE, 'page_types.json'), 'utf8'))
    .map((t) => ({ type: t.type, re: new RegExp(t.pattern) }));
  const targets = [];
  const notPresent = [];
  if (pages) {
    const used = new Map();
    for (const raw of pages) {
      const p = raw.replace(/^\/+/, '');
      if (!fs.existsSync(path.join(site, p))) usage(`no such page in ${site}: ${p}`);
      const type = types.find((t) => t.re.test(p))?.type ?? p.replace(/\.html$/, '').replace(/[^\w-]+/g, '-');
      const n = (used.get(type) ?? 0) + 1; // keep screenshot names unique
      used.set(type, n);
      targets.push({ type, label: n === 1 ? type : `${type}-${n}`, path: p });
    }
  } else {
    const all = listHtml(site);
    for (const t of types) {
      const p = all.find((f) => t.re.test(f));
      if (p) targets.push({ type: t.type, label: t.type, path: p });
      else notPresent.push(t.type);
    }
  }
  return { targets, notPresent };
}

/** Horizontal scroll at phone width (WCAG 1.4.10 Reflow), reported like an axe violation. */
async function reflowViolation(page) {
  const r = await page.evaluate(() => {
    const vw = window.innerWidth;
    const sw = document.documentElement.scrollWidth;
    if (sw <= vw) return null;
    // Name the first element sticking out that is not inside a scrolling/clipping box.
    const clipped = (el) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      }
      return false;
    };
    const culprit = [...document.body.querySelectorAll('*')]
      .find((el) => el.getBoundingClientRect().right > vw + 0.5 && !clipped(el));
    const name = (el) => el.localName + (el.id ? `#${el.id}` : '') +
      [...el.classList].map((c) => `.${c}`).join('');
    return { sw, vw, target: culprit ? name(culprit) : 'html' };
  });
  if (!r) return null;
  return {
    id: 'reflow', impact: 'serious', tags: ['wcag21aa', 'wcag1410'], nodes: 1, target: r.target,
    help: `Page scrolls horizontally at ${r.vw} px (scrollWidth ${r.sw})`,
  };
}

async function testPage(page, baseUrl, target, width, shotDir) {
  await page.setViewportSize({ width, height: HEIGHT });
  const url = baseUrl + target.path.split('/').map(encodeURIComponent).join('/');
  const resp = await page.goto(url, { waitUntil: 'load' });
  if (!resp || resp.status() >= 400) throw new Error(`HTTP ${resp?.status()} for ${url}`);
  await page.evaluate(() => document.fonts.ready); // screenshots and contrast with real fonts
  const axe = await axeResults(page, ['violations', 'passes']);
  const violations = axe.violations.map((v) => ({
    id: v.id, impact: v.impact, tags: v.tags, nodes: v.nodes.length, help: v.help,
    target: v.nodes[0]?.target?.join(' ') ?? '',
  }));
  if (width === REFLOW_WIDTH) {
    const reflow = await reflowViolation(page);
    if (reflow) violations.push(reflow);
  }
  await page.screenshot({ path: path.join(shotDir, `${target.label}-${width}.png`), fullPage: true });
  const passes = axe.passes.map((p) => ({ id: p.id, tags: p.tags.filter((t) => t.startsWith('wcag')) }));
  return { url: target.path, type: target.type, width, violations, passes };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { targets, notPresent } = selectTargets(opts.site, opts.pages);
  if (targets.length === 0) usage(`no pages to test in ${opts.site}`);
  const shotDir = path.join(opts.out, 'screenshots');
  fs.mkdirSync(shotDir, { recursive: true });
  for (const f of fs.readdirSync(shotDir)) if (f.endsWith('.png')) fs.rmSync(path.join(shotDir, f)); // no stale shots

  const t0 = Date.now();
  const server = await serveDir(opts.site);
  const browser = await launchBrowser();
  const results = [];
  const errors = [];
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    for (const target of targets) {
      for (const width of WIDTHS) {
        const tag = `${target.label} ${width}px ${target.path}`;
        try {
          const r = await testPage(page, server.url, target, width, shotDir);
          results.push(r);
          if (r.violations.length === 0) {
            console.log(`ok    ${tag}`);
          } else {
            console.log(`FAIL  ${tag}`);
            for (const v of r.violations) {
              console.log(`      ${v.id} [${v.impact}] ${v.target} (${v.nodes} node${v.nodes > 1 ? 's' : ''}): ${v.help}`);
            }
          }
        } catch (e) {
          errors.push({ url: target.path, type: target.type, width, error: e.message.split('\n')[0] });
          console.log(`ERROR ${tag}: ${e.message.split('\n')[0]}`);
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const failed = results.filter((r) => r.violations.length > 0);
  const nViolations = failed.reduce((n, r) => n + r.violations.length, 0);
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  // One line per page x width keeps the file small yet diffable.
  const head = JSON.stringify({ site: opts.site, tags: WCAG_TAGS, notPresent, errors }, null, 1).slice(0, -2);
  fs.writeFileSync(path.join(opts.out, 'a11y-results.json'),
    `${head},\n "results": [\n${results.map((r) => '  ' + JSON.stringify(r)).join(',\n')}\n ]\n}\n`);
  if (notPresent.length) console.log(`not present: ${notPresent.join(', ')}`);
  console.log(`a11y: ${targets.length} pages x ${WIDTHS.length} widths, ${failed.length} runs with violations` +
    ` (${nViolations} total), ${errors.length} errors, ${seconds} s; results in ${opts.out}`);

  if (errors.length) return 2;
  if (opts.expectFail) {
    console.log(nViolations ? 'expected failure: the gate caught violations' : 'expected violations but found none');
    return nViolations ? 0 : 1;
  }
  return nViolations ? 1 : 0;
}

process.exitCode = await main().catch((e) => {
  console.error(`a11y: ${e.stack || e}`);
  return 2;
});
