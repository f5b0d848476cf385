#!/usr/bin/env node
// Keyboard walk: presses Tab from the top of a page the way a keyboard user does
// and checks what JIS X 8341-3 / WCAG ask of it:
//   2.4.1  the first stop is the skip link, visible when focused, and Enter on it moves focus to <main>
//   2.1.1  every visible focusable control (header, menu, search, breadcrumbs, forms, links) is reached
//   2.4.3  stops come in DOM order
//   2.4.7  every stop shows a focus indicator (computed outline/box-shadow/background differ from unfocused)
//   2.1.2  no trap: Tab leaves the last control and does not stick on one
//
//   node tests/browser/keyboard.mjs SITE_DIR [--pages p.html ...] [--width 1280] [--expect-fail]
// As a module, a11y.mjs calls keyboardWalk() on the pages it already has open.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDir, launchBrowser } from './lib.mjs';

/** The success criteria the walk decides, in the order the problems are checked. */
export const KEYBOARD_SC = ['2.1.1', '2.1.2', '2.4.1', '2.4.3', '2.4.7'];

// Runs in the page: the visible focusable elements in DOM order, each tagged with
// its index, and the style of each while not focused.
function snapshotFocusables() {
  const selector = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), ' +
    'select:not([disabled]), textarea:not([disabled]), summary, iframe, [tabindex]:not([tabindex="-1"]), ' +
    '[contenteditable="true"]';
  const visible = (el) => {
    if (el.closest('[hidden], [inert]')) return false;
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden' || cs.display === 'none') return false;
    // Skip links hide off-screen until focused; they still count.
    if (el.matches('.skip-link')) return true;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const items = [...document.querySelectorAll(selector)].filter((el) => {
    if (!visible(el)) return false;
    // A <summary> of a closed <details> counts; its hidden content does not.
    for (let d = el.parentElement?.closest('details:not([open])'); d; d = d.parentElement?.closest('details:not([open])')) {
      if (el.closest('summary')?.parentElement !== d) return false;
    }
    return true;
  });
  window.__kyodoFocus = { items, unfocused: [] };
  if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
  for (const el of items) window.__kyodoFocus.unfocused.push(window.__kyodoStyle(el));
  return items.length;
}

// Runs in the page: the parts of the computed style a focus indicator changes.
function installStyleProbe() {
  window.__kyodoStyle = (el) => {
    const cs = getComputedStyle(el);
    return {
      outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0
        ? `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}` : 'none',
      shadow: cs.boxShadow, background: cs.backgroundColor, border: cs.borderColor,
      decoration: `${cs.textDecorationLine} ${cs.textDecorationThickness}`,
    };
  };
}

// Runs in the page after each Tab: where focus is and whether it looks focused.
function describeActive() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { out: true };
  const state = window.__kyodoFocus;
  const index = state.items.indexOf(el);
  const now = window.__kyodoStyle(el);
  const before = index >= 0 ? state.unfocused[index] : null;
  const indicator = now.outline !== 'none' && (!before || now.outline !== before.outline) ? 'outline'
    : before && now.shadow !== before.shadow && now.shadow !== 'none' ? 'box-shadow'
      : before && now.background !== before.background ? 'background'
        : before && now.border !== before.border ? 'border' : '';
  const prev = state.last;
  const ordered = !prev || prev === el || !!(prev.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  state.last = el;
  const r = el.getBoundingClientRect();
  const name = el.localName + (el.id ? `#${el.id}` : '') + [...el.classList].map((c) => `.${c}`).join('') +
    (el.getAttribute('href') ? `[href="${el.getAttribute('href')}"]` : '');
  const region = el.matches('.skip-link') ? 'skip-link' : el.closest('[role="search"]') ? 'search'
    : el.closest('.site-nav') ? 'menu' : el.closest('header') ? 'header' : el.closest('.breadcrumbs') ? 'breadcrumbs'
      : el.closest('main') ? (el.matches('input, select, textarea, button, summary') ? 'form' : 'main')
        : el.closest('footer') ? 'footer' : 'other';
  return {
    out: false, index, name, region, indicator, ordered,
    skip: el.matches('.skip-link'),
    onScreen: r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
  };
}

/**
 * Walks `page` (already loaded) with the keyboard.
 * Resolves to {stops, focusables, regions, problems: [{sc, message}], checks: {sc: bool}}.
 */
export async function keyboardWalk(page) {
  await page.evaluate(installStyleProbe);
  const problems = [];
  const fail = (sc, message) => problems.push({ sc, message });

  // 2.4.1: the skip link comes first, shows itself, and moves focus into <main>.
  const total = await page.evaluate(snapshotFocusables);
  await page.keyboard.press('Tab');
  const first = await page.evaluate(describeActive);
  if (first.out || !first.skip) fail('2.4.1', `first Tab stop is ${first.name ?? 'nothing'}, not the skip link`);
  else if (!first.onScreen) fail('2.4.1', 'the skip link stays off-screen when focused');
  if (!first.out && first.skip) {
    await page.keyboard.press('Enter');
    const inMain = await page.evaluate(() => document.activeElement?.id === 'main' ||
      !!document.activeElement?.closest('main'));
    if (!inMain) fail('2.4.1', 'Enter on the skip link does not move focus to <main>');
  }

  // The full walk, from the top of a fresh load (blur() would leave Chromium's
  // sequential-focus starting point inside <main>), without the #main the skip link left.
  await page.evaluate(() => history.replaceState(null, '', location.pathname + location.search));
  await page.reload({ waitUntil: 'load' });
  await page.evaluate(installStyleProbe);
  await page.evaluate(snapshotFocusables);
  const reached = new Set();
  const regions = new Set();
  let stops = 0;
  let left = false;
  let previous = -2;
  let repeats = 0;
  // A date input takes a Tab per field (年・月・日) inside one element, so the same
  // element several times in a row is normal; far more is a trap.
  const kMaxStopsInOneElement = 6;
  const limit = total * 4 + 5;
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const a = await page.evaluate(describeActive);
    if (a.out) { left = true; break; }
    repeats = a.index === previous ? repeats + 1 : 0;
    if (repeats >= kMaxStopsInOneElement) {
      fail('2.1.2', `Tab does not move focus from ${a.name} (a trap)`);
      left = true;
      break;
    }
    if (repeats > 0) continue;
    if (reached.has(a.index) && a.index >= 0) { left = true; break; } // wrapped round to the start
    previous = a.index;
    stops++;
    if (a.index >= 0) reached.add(a.index);
    regions.add(a.region);
    if (!a.ordered) fail('2.4.3', `${a.name} is reached out of DOM order`);
    if (!a.indicator) fail('2.4.7', `${a.name} shows no focus indicator`);
  }
  if (!left) fail('2.1.2', `focus did not leave the page after ${limit} Tab presses (a trap?)`);
  // A radio group is one Tab stop (arrow keys move inside it): a group counts as
  // reached when any of its buttons was.
  const unreached = await page.evaluate((seen) => {
    const items = window.__kyodoFocus.items;
    const group = (el) => (el.type === 'radio' && el.name ? `${el.form ? items.indexOf(el.form) : -1}/${el.name}` : null);
    const reachedGroups = new Set(seen.map((i) => group(items[i])).filter(Boolean));
    return items.map((el, i) => ({ el, i }))
      .filter(({ el, i }) => !seen.includes(i) && !(group(el) && reachedGroups.has(group(el))))
      .map(({ el }) => el.localName + (el.id ? `#${el.id}` : '') + (el.getAttribute('href') ? `[href="${el.getAttribute('href')}"]` : ''));
  }, [...reached]);
  if (unreached.length > 0) {
    fail('2.1.1', `${unreached.length} of ${total} focusable elements never reached (${unreached.slice(0, 3).join(', ')})`);
  }
  const checks = Object.fromEntries(KEYBOARD_SC.map((sc) => [sc, !problems.some((p) => p.sc === sc)]));
  return { stops, focusables: total, regions: [...regions].sort(), problems, checks };
}

// ---- command line: walk given pages (or every page) of a site ----

function usage(msg) {
  console.error(`keyboard: ${msg}\nusage: node tests/browser/keyboard.mjs SITE_DIR [--pages p.html ...] [--width N] [--expect-fail]`);
  process.exit(2);
}

async function main() {
  const argv = process.argv.slice(2);
  const opts = { site: null, pages: null, width: 1280, expectFail: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--pages') {
      opts.pages = [];
      while (i + 1 < argv.length && !argv[i + 1].startsWith('--')) opts.pages.push(argv[++i]);
    } else if (a === '--width') opts.width = Number(argv[++i]);
    else if (a === '--expect-fail') opts.expectFail = true;
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else if (!opts.site) opts.site = a;
    else usage(`unexpected argument ${a}`);
  }
  if (!opts.site || !fs.statSync(opts.site, { throwIfNoEntry: false })?.isDirectory()) usage('SITE_DIR missing');
  const pages = opts.pages ?? fs.readdirSync(opts.site, { recursive: true })
    .map((p) => p.split(path.sep).join('/')).filter((p) => p.endsWith('.html')).sort();
  const server = await serveDir(opts.site);
  const browser = await launchBrowser();
  let failures = 0;
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.setViewportSize({ width: opts.width, height: 800 });
    for (const p of pages) {
      await page.goto(server.url + p, { waitUntil: 'load' });
      const r = await keyboardWalk(page);
      failures += r.problems.length ? 1 : 0;
      console.log(`${r.problems.length ? 'FAIL' : 'ok  '}  ${p} ${opts.width}px: ${r.stops} stops (${r.regions.join(', ')})`);
      for (const pr of r.problems) console.log(`      ${pr.sc} ${pr.message}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (opts.expectFail) {
    console.log(failures ? 'expected failure: the keyboard walk caught problems' : 'expected problems but found none');
    return failures ? 0 : 1;
  }
  return failures ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main().catch((e) => {
    console.error(`keyboard: ${e.stack || e}`);
    return 2;
  });
}
