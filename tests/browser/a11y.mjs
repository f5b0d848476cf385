#!/usr/bin/env node
// Accessibility gate: axe-core (WCAG 2.0/2.1 A/AA), reflow and zoom checks, a
// keyboard walk, screenshots — and the JSON report `kyodo build --a11y-report`
// turns into the published 試験結果.
//
//   node tests/browser/a11y.mjs SITE_DIR [--pages p.html ...] [--per-theme] [--sample N --seed S]
//                               [--vnu VNU_JSON] [--workers 2] [--out build/a11y] [--expect-fail]
//
// Pages: one per type from page_types.json, the largest of each (--per-theme: one
// per type in each theme, the theme read from <html data-theme>), or --pages; plus --sample N more
// drawn at random from the rest with seed S (JIS X 8341-3 附属書JB JB.1.2 d:
// representative + random pages; the seed is stored so the draw can be repeated).
// Each page is tested at 375 and 1280 px. At 375 px the page is also resized to
// 320 px (= 400 % zoom of 1280 px) and 640 px (= 200 %) and checked for
// horizontal scrolling, and for clipping with WCAG 1.4.12 text spacing and with text at 200 %.
// Every page at both widths gets a target-size check (target_size.mjs: WCAG 2.2
// 2.5.8's 24 px and kyodo's 44 px goal); at 1280 px, printed text is checked
// against white paper (print_check.mjs).
// Representative pages get a keyboard walk (keyboard.mjs) at 1280 px.
// Exit: 0 clean, 1 violations, 2 run errors. --expect-fail inverts the verdict.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { serveDir, launchBrowser, axeResults, axeRules, WCAG_TAGS } from './lib.mjs';
import { keyboardWalk, KEYBOARD_SC } from './keyboard.mjs';
import { targetSizeCheck, TARGET_SIZE_RULES } from './target_size.mjs';
import { printCheck, PRINT_RULES } from './print_check.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const WIDTHS = [375, 1280];
const HEIGHT = 800;
const KEYBOARD_WIDTH = 1280;

// kyodo's own checks, reported like axe rules so the report maps each to its
// success criteria the same way.
const OWN_RULES = {
  'kyodo-reflow-375': { help: 'No horizontal scrolling at 375 px (phone)', sc: ['1.4.10'], level: 'AA', version: '2.1' },
  'kyodo-reflow-320': { help: 'No horizontal scrolling at 320 px (400 % zoom of 1280 px)', sc: ['1.4.10'], level: 'AA', version: '2.1' },
  'kyodo-zoom-200': { help: 'No horizontal scrolling at 640 px (200 % zoom of 1280 px)', sc: ['1.4.4'], level: 'AA', version: '2.0' },
  'kyodo-text-spacing': { help: 'No horizontal scrolling at 320 px with WCAG 1.4.12 text spacing', sc: ['1.4.12'], level: 'AA', version: '2.1' },
  'kyodo-text-200': { help: 'No horizontal scrolling at 320 px with text at 200 % (the largest font_size_base a city may set)', sc: ['1.4.4', '1.4.10'], level: 'AA', version: '2.1' },
  'vnu': { help: 'The HTML validates (Nu Html Checker, errors only)', sc: ['4.1.1'], level: 'A', version: '2.0' },
  'kyodo-keyboard-2.1.1': { help: 'Keyboard walk: every visible control is reached with Tab', sc: ['2.1.1'], level: 'A', version: '2.0' },
  'kyodo-keyboard-2.1.2': { help: 'Keyboard walk: Tab leaves every control and the page (no trap)', sc: ['2.1.2'], level: 'A', version: '2.0' },
  'kyodo-keyboard-2.4.1': { help: 'Keyboard walk: the first stop is a visible skip link that moves focus to main', sc: ['2.4.1'], level: 'A', version: '2.0' },
  'kyodo-keyboard-2.4.3': { help: 'Keyboard walk: focus moves in DOM order', sc: ['2.4.3'], level: 'A', version: '2.0' },
  'kyodo-keyboard-2.4.7': { help: 'Keyboard walk: every focused element shows a focus indicator', sc: ['2.4.7'], level: 'AA', version: '2.0' },
  ...TARGET_SIZE_RULES,
  ...PRINT_RULES,
};

function usage(msg) {
  console.error(`a11y: ${msg}\nusage: node tests/browser/a11y.mjs SITE_DIR [--pages p.html ...] [--per-theme] ` +
    '[--sample N --seed S] [--vnu FILE] [--workers N] [--out DIR] [--expect-fail]');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { site: null, pages: null, out: 'build/a11y', expectFail: false, perTheme: false, sample: 0, seed: 1, vnu: null, workers: 2 };
  const number = (i, name) => {
    const v = Number(argv[i]);
    if (!Number.isInteger(v) || v < 0) usage(`${name} needs a whole number`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--pages') {
      opts.pages = [];
      while (i + 1 < argv.length && !argv[i + 1].startsWith('--')) opts.pages.push(argv[++i]);
    } else if (a === '--out' || a === '--vnu') {
      if (i + 1 >= argv.length) usage(`${a} needs a path`);
      opts[a.slice(2)] = argv[++i];
    } else if (a === '--sample') {
      opts.sample = number(++i, a);
    } else if (a === '--seed') {
      opts.seed = number(++i, a);
    } else if (a === '--workers') {
      opts.workers = number(++i, a);
    } else if (a === '--per-theme') {
      opts.perTheme = true;
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

/** The theme a page was built with (<html data-theme="…">), or "". */
function themeOf(site, page) {
  const head = fs.readFileSync(path.join(site, page), 'utf8').slice(0, 600);
  return /<html\b[^>]*\sdata-theme="([^"]*)"/.exec(head)?.[1] ?? '';
}

/** mulberry32: a small seeded PRNG, so the random sample is the same for the same seed and site. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** [{type, label, path, theme, sample}] to test, the types that have no page, and how they were chosen. */
function selectTargets(site, opts) {
  const types = JSON.parse(fs.readFileSync(path.join(HERE, 'page_types.json'), 'utf8'))
    .map((t) => ({ type: t.type, re: new RegExp(t.pattern) }));
  const typeOf = (p) => types.find((t) => t.re.test(p))?.type ?? 'page';
  const all = listHtml(site);
  const themes = new Map(all.map((p) => [p, themeOf(site, p)]));
  const sizes = new Map(all.map((p) => [p, fs.statSync(path.join(site, p)).size]));
  const targets = [];
  const notPresent = [];
  if (opts.pages) {
    const used = new Map();
    for (const raw of opts.pages) {
      const p = raw.replace(/^\/+/, '');
      if (!fs.existsSync(path.join(site, p))) usage(`no such page in ${site}: ${p}`);
      const type = types.find((t) => t.re.test(p))?.type ?? p.replace(/\.html$/, '').replace(/[^\w-]+/g, '-');
      const n = (used.get(type) ?? 0) + 1; // keep screenshot names unique
      used.set(type, n);
      targets.push({ type, label: n === 1 ? type : `${type}-${n}`, path: p, theme: themes.get(p), sample: false });
    }
  } else {
    const themeNames = opts.perTheme ? [...new Set(themes.values())].sort() : [null];
    for (const theme of themeNames) {
      for (const t of types) {
        // The richest page of the type (largest file; ties: first by name) exercises
        // the most of its template: a city top with cases rather than one without.
        const p = all.filter((f) => t.re.test(f) && (theme === null || themes.get(f) === theme))
          .reduce((best, f) => (best === undefined || sizes.get(f) > sizes.get(best) ? f : best), undefined);
        const label = theme === null ? t.type : `${theme}-${t.type}`;
        if (p) targets.push({ type: t.type, label, path: p, theme: themes.get(p), sample: false });
        else if (theme === null || !targets.some((x) => x.type === t.type)) notPresent.push(label);
      }
    }
  }
  // The random part: drawn from the pages not already chosen, by a partial
  // Fisher–Yates shuffle of the sorted list.
  const chosen = new Set(targets.map((t) => t.path));
  const population = all.filter((p) => !chosen.has(p));
  const rand = seeded(opts.seed);
  const pool = [...population];
  const picks = [];
  for (let i = 0; i < Math.min(opts.sample, pool.length); i++) {
    const j = i + Math.floor(rand() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
    picks.push(pool[i]);
  }
  picks.sort().forEach((p, i) => targets.push({ type: typeOf(p), label: `sample-${i + 1}`, path: p, theme: themes.get(p), sample: true }));
  const selection = {
    method: opts.pages ? 'pages' : opts.perTheme ? 'per-theme' : 'per-type',
    representative: targets.filter((t) => !t.sample).length,
    sample: picks.length, seed: opts.seed, pages: all.length,
  };
  return { targets, notPresent, selection };
}

/** Horizontal scroll at the current width (WCAG 1.4.10 Reflow), or null. */
async function overflow(page) {
  return page.evaluate(() => {
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
    const name = (el) => el.localName + (el.id ? `#${el.id}` : '') + [...el.classList].map((c) => `.${c}`).join('');
    return { sw, vw, target: culprit ? name(culprit) : 'html' };
  });
}

// The WCAG 1.4.12 bookmarklet's spacing, as a stylesheet added and removed again.
const TEXT_SPACING = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; ' +
  'word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';

/** kyodo-reflow-375/-320, kyodo-zoom-200, kyodo-text-spacing and kyodo-text-200: [{id, violation|null}]. */
async function reflowChecks(page) {
  const out = [];
  const at = async (id, width, extraCss) => {
    await page.setViewportSize({ width, height: HEIGHT });
    let handle = null;
    if (extraCss) handle = await page.addStyleTag({ content: extraCss });
    const r = await overflow(page);
    if (handle) await handle.evaluate((el) => el.remove());
    out.push({ id, violation: r && { target: r.target, help: `Page scrolls horizontally at ${r.vw} px (scrollWidth ${r.sw})` } });
  };
  await at('kyodo-reflow-375', 375);
  await at('kyodo-reflow-320', 320);
  await at('kyodo-zoom-200', 640);
  await at('kyodo-text-spacing', 320, TEXT_SPACING);
  // site.yaml's font_size_base goes up to 200 % (32px), and readers enlarge text alone too.
  await at('kyodo-text-200', 320, 'html { font-size: 200% !important; }');
  await page.setViewportSize({ width: 375, height: HEIGHT });
  return out;
}

/** Errors per site-relative page from vnu's JSON, or null without --vnu. */
function readVnu(file, site) {
  if (!file) return null;
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  const root = path.resolve(site);
  const perPage = new Map();
  for (const m of data.messages ?? []) {
    if (m.type !== 'error') continue;
    const p = path.relative(root, fileURLToPath(m.url)).split(path.sep).join('/');
    perPage.set(p, (perPage.get(p) ?? 0) + 1);
  }
  return { version: data.version, perPage, errors: [...perPage.values()].reduce((a, b) => a + b, 0) };
}

function addOwn(result, id, violation) {
  if (violation) {
    result.violations.push({ id, impact: 'serious', tags: [], nodes: violation.nodes ?? 1, target: violation.target, help: violation.help });
  } else {
    result.passes.push(id);
  }
}

async function testPage(page, baseUrl, target, width, shotDir, vnu) {
  await page.setViewportSize({ width, height: HEIGHT });
  const url = baseUrl + target.path.split('/').map(encodeURIComponent).join('/');
  const resp = await page.goto(url, { waitUntil: 'load' });
  if (!resp || resp.status() >= 400) throw new Error(`HTTP ${resp?.status()} for ${url}`);
  await page.evaluate(() => document.fonts.ready); // screenshots and contrast with real fonts
  const axe = await axeResults(page, ['violations', 'passes', 'incomplete', 'inapplicable']);
  const result = {
    url: target.path, type: target.type, theme: target.theme, sample: target.sample, width,
    violations: axe.violations.map((v) => ({
      id: v.id, impact: v.impact, tags: v.tags, nodes: v.nodes.length, help: v.help,
      target: v.nodes[0]?.target?.join(' ') ?? '',
    })),
    passes: axe.passes.map((p) => p.id),
    incomplete: axe.incomplete.map((p) => p.id),
    inapplicable: axe.inapplicable.map((p) => p.id),
  };
  for (const { id, violation } of await targetSizeCheck(page)) addOwn(result, id, violation);
  if (width === 375) {
    for (const { id, violation } of await reflowChecks(page)) addOwn(result, id, violation);
  }
  if (width === KEYBOARD_WIDTH) {
    for (const { id, violation } of await printCheck(page)) addOwn(result, id, violation);
  }
  if (vnu) {
    const n = vnu.perPage.get(target.path) ?? 0;
    addOwn(result, 'vnu', n ? { target: target.path, help: `${n} HTML errors (vnu)` } : null);
  }
  if (!target.sample) {
    await page.screenshot({ path: path.join(shotDir, `${target.label}-${width}.png`), fullPage: true });
  }
  if (!target.sample && width === KEYBOARD_WIDTH) {
    const walk = await keyboardWalk(page);
    result.keyboard = { stops: walk.stops, focusables: walk.focusables, regions: walk.regions };
    for (const sc of KEYBOARD_SC) {
      const problem = walk.problems.find((p) => p.sc === sc);
      addOwn(result, `kyodo-keyboard-${sc}`, problem ? { target: '', help: problem.message } : null);
    }
  }
  return result;
}

/** Rule id → {help, sc: ["1.1.1"], level, version} for the axe rules run and kyodo's own. */
function ruleTable(axeList) {
  const rules = {};
  for (const r of axeList) {
    const sc = r.tags.map((t) => /^wcag(\d)(\d)(\d+)$/.exec(t)).filter(Boolean).map((m) => `${m[1]}.${m[2]}.${m[3]}`);
    const level = r.tags.some((t) => /^wcag2\d?aa$/.test(t)) ? 'AA' : 'A';
    const version = r.tags.some((t) => /^wcag2(a|aa)$/.test(t)) ? '2.0' : '2.1';
    rules[r.ruleId] = { help: r.help, sc, level, version };
  }
  return { ...rules, ...OWN_RULES };
}

function today() {
  // The test date as Japanese municipalities write it: the date in Japan.
  return new Date(Date.now() + 9 * 3600 * 1000).toISOString().slice(0, 10);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { targets, notPresent, selection } = selectTargets(opts.site, opts);
  if (targets.length === 0) usage(`no pages to test in ${opts.site}`);
  const vnu = readVnu(opts.vnu, opts.site);
  const shotDir = path.join(opts.out, 'screenshots');
  fs.mkdirSync(shotDir, { recursive: true });
  for (const f of fs.readdirSync(shotDir)) if (f.endsWith('.png')) fs.rmSync(path.join(shotDir, f)); // no stale shots

  const t0 = Date.now();
  const server = await serveDir(opts.site);
  // Pages are independent: a few browsers share the list (each page keeps its
  // own keyboard focus, so one browser per worker, not one tab each).
  const workers = Math.max(1, Math.min(opts.workers, targets.length));
  const results = new Array(targets.length);
  const errors = [];
  let rules = {};
  let browserVersion = '';
  let next = 0;
  const log = [];
  async function work() {
    const browser = await launchBrowser();
    try {
      const page = browser.context.pages()[0] ?? (await browser.context.newPage());
      if (!browserVersion) {
        const cdp = await browser.context.newCDPSession(page);
        browserVersion = (await cdp.send('Browser.getVersion')).product.replace(/^(Headless)?Chrome\//, '');
        await cdp.detach();
      }
      for (let i = next++; i < targets.length; i = next++) {
        const target = targets[i];
        results[i] = [];
        for (const width of WIDTHS) {
          const tag = `${target.label} ${width}px ${target.path}`;
          try {
            const r = await testPage(page, server.url, target, width, shotDir, vnu);
            if (Object.keys(rules).length === 0) rules = ruleTable(await axeRules(page));
            results[i].push(r);
            const lines = [`${r.violations.length ? 'FAIL ' : 'ok   '} ${tag}${r.keyboard ? ` (keyboard: ${r.keyboard.stops} stops)` : ''}`];
            for (const v of r.violations) {
              lines.push(`      ${v.id} [${v.impact}] ${v.target} (${v.nodes} node${v.nodes > 1 ? 's' : ''}): ${v.help}`);
            }
            console.log(lines.join('\n'));
          } catch (e) {
            errors.push({ url: target.path, type: target.type, width, error: e.message.split('\n')[0] });
            console.log(`ERROR ${tag}: ${e.message.split('\n')[0]}`);
          }
        }
      }
    } finally {
      await browser.close();
    }
  }
  try {
    await Promise.all(Array.from({ length: workers }, () => work()));
  } finally {
    await server.close();
  }
  const flat = results.flat().filter(Boolean);
  errors.sort((a, b) => (a.url + a.width).localeCompare(b.url + b.width));

  const failed = flat.filter((r) => r.violations.length > 0);
  const nViolations = failed.reduce((n, r) => n + r.violations.length, 0);
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  const head = {
    format: 'kyodo-a11y/2', date: today(), site: opts.site,
    tools: {
      'axe-core': require('axe-core/package.json').version, chromium: browserVersion,
      'playwright-core': require('playwright-core/package.json').version, ...(vnu ? { vnu: vnu.version } : {}),
    },
    tags: WCAG_TAGS, widths: WIDTHS, selection, notPresent, errors, seconds: Number(seconds),
    ...(vnu ? { html: { validator: 'vnu', pages: selection.pages, errors: vnu.errors } } : {}),
    rules,
  };
  // One line per rule and per page x width keeps the file small yet diffable.
  const { rules: ruleMap, ...top } = head;
  const ruleLines = Object.entries(ruleMap).map(([id, r]) => `  ${JSON.stringify(id)}: ${JSON.stringify(r)}`);
  const text = `${JSON.stringify(top, null, 1).slice(0, -2)},\n "rules": {\n${ruleLines.join(',\n')}\n }`;
  fs.writeFileSync(path.join(opts.out, 'a11y-results.json'),
    `${text},\n "results": [\n${flat.map((r) => '  ' + JSON.stringify(r)).join(',\n')}\n ]\n}\n`);
  if (notPresent.length) console.log(`not present: ${notPresent.join(', ')}`);
  console.log(`a11y: ${selection.representative} representative + ${selection.sample} sampled pages (seed ${selection.seed}) ` +
    `x ${WIDTHS.length} widths, ${failed.length} runs with violations (${nViolations} total), ${errors.length} errors, ` +
    `${seconds} s; results in ${opts.out}`);

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
