#!/usr/bin/env node
// How a low-vision resident reads kyodo's markup with the default theme's stylesheet,
// in headless chromium: at 320 px (1280 px at 400 %) with text at 200 % (browser text
// size, or a city's font_size_base: 32px) and with WCAG 1.4.12 text spacing, nothing
// may push the page sideways. The fixture holds the markup the sample site does not
// exercise: the longest 和暦 dates (「令和7年12月28日」) in a news list, a quoted 条例,
// a checklist (Markdown task list), emphasis, and search highlights in a city's colours.
//
//   node tests/browser/low_vision.mjs      exit 0 when all pass, 1 otherwise
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDir, launchBrowser, checkList, contrastRatio, runAxe } from './lib.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { check, done } = checkList('low_vision');

const TEXT_SPACING = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; ' +
  'word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
const SETTINGS = [
  ['text at 200 %', 'html { font-size: 200% !important; }'],
  ['text at 200 % with text spacing', `html { font-size: 200% !important; } ${TEXT_SPACING}`],
];

/** Sideways scrolling and the elements with text whose right edge is past the viewport. */
async function reflow(page, check, name) {
  const { scroll, out } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth - window.innerWidth,
    out: [...document.querySelectorAll('main *')]
      .filter((el) => el.textContent.trim() && el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map((el) => `${el.localName} 「${el.textContent.trim().slice(0, 16)}」`),
  }));
  check(scroll <= 0 && out.length === 0, `320 px, ${name}: no sideways scrolling${out.length ? ` (${out.slice(0, 3).join(', ')})` : ''}`);
}

/** A quoted 条例 keeps most of the line at 320 px (the browser's 40 px each side took a quarter) and shows a bar. */
async function quotes(page) {
  const found = await page.evaluate(() => {
    return [...document.querySelectorAll('.body blockquote p, .intro blockquote p')].map((p) => {
      const body = p.closest('.body, .intro').getBoundingClientRect().width;
      const s = getComputedStyle(p.closest('blockquote'));
      return { text: p.textContent.slice(0, 8), share: p.getBoundingClientRect().width / body,
        bar: parseFloat(s.borderLeftWidth) >= 3 && s.borderLeftStyle === 'solid' };
    });
  });
  for (const q of found) {
    check(q.share >= 0.8, `320 px: the quote 「${q.text}…」 keeps ${Math.round(q.share * 100)} % of the text width (at least 80 %)`);
    check(q.bar, `the quote 「${q.text}…」 is marked by a bar`);
  }
}

/** A checklist: boxes as visible as controls (3:1), done and open told apart by fill, level with their words, printed. */
async function checklist(page) {
  const boxes = await page.evaluate(() => {
    const paper = getComputedStyle(document.body).backgroundColor;
    return [...document.querySelectorAll('.body .task > input')].map((box) => {
      const s = getComputedStyle(box);
      const range = document.createRange();
      range.selectNodeContents(box.closest('li'));
      const b = box.getBoundingClientRect();
      const line = [...range.getClientRects()].find((r) => r.width > 0 && r.left > b.right - 1);
      return { text: box.closest('li').textContent.trim(), checked: box.checked, paper,
        edge: s.borderLeftStyle === 'none' ? paper : s.borderLeftColor, fill: s.backgroundColor,
        level: line ? b.bottom > line.top && b.top < line.bottom : false };
    });
  });
  for (const b of boxes) {
    const edge = contrastRatio(b.edge, b.paper);
    check(edge >= 3, `checklist 「${b.text}」: the box's edge ${edge.toFixed(2)}:1 on the page (at least 3:1)`);
    check(b.level, `checklist 「${b.text}」: the box is on the line of its words`);
  }
  const [doneBox, openBox] = [boxes.find((b) => b.checked), boxes.find((b) => !b.checked)];
  check(doneBox && openBox && contrastRatio(doneBox.fill, doneBox.paper) >= 3 && contrastRatio(openBox.fill, openBox.paper) < 1.5,
    'checklist: a done item is filled, an open one empty');
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => [...document.querySelectorAll('.body .task > input:checked')]
    .every((box) => getComputedStyle(box).printColorAdjust === 'exact'));
  await page.emulateMedia({ media: 'screen' });
  check(printed, 'checklist: a done item keeps its fill on paper (print-color-adjust: exact)');
}

/** Emphasis: Japanese has no italic (the browser slants the glyphs); 傍点 instead. English keeps italic. */
async function emphasis(page) {
  const ems = await page.evaluate(() => [...document.querySelectorAll('.body em, .intro em')].map((em) => {
    const s = getComputedStyle(em);
    return { text: em.textContent, lang: em.closest('[lang]').lang, style: s.fontStyle, dots: s.textEmphasisStyle };
  }));
  for (const e of ems) {
    if (e.lang === 'ja') check(e.style === 'normal' && e.dots !== 'none', `emphasis 「${e.text}」: upright with 傍点 (${e.style}, ${e.dots})`);
    else check(e.style === 'italic', `emphasis 「${e.text}」 (${e.lang}): italic`);
  }
}

/** Search highlights: readable in a city's colours (1.4.3) and marked by more than colour (1.4.1). */
async function highlights(page) {
  const marks = await page.evaluate(() => [...document.querySelectorAll('mark')].map((m) => {
    const s = getComputedStyle(m);
    return { text: m.closest('h2, p').textContent, color: s.color, background: s.backgroundColor, bold: Number(s.fontWeight) >= 700 };
  }));
  for (const m of marks) {
    const ratio = contrastRatio(m.color, m.background);
    check(ratio >= 4.5, `search highlight in 「${m.text}」: contrast ${ratio.toFixed(2)}:1 (at least 4.5:1)`);
    check(m.bold, `search highlight in 「${m.text}」: bold, not colour alone`);
  }
}

const server = await serveDir(REPO);
const browser = await launchBrowser({ viewport: { width: 320, height: 800 } });
try {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}tests/browser/fixtures/low-vision/index.html`);
  for (const [name, css] of SETTINGS) {
    const style = await page.addStyleTag({ content: css });
    await reflow(page, check, name);
    await style.evaluate((el) => el.remove());
  }
  await quotes(page);
  await checklist(page);
  await emphasis(page);
  await highlights(page);
  // axe on the same markup (WCAG 2.1 A/AA): a checklist's boxes once had no label.
  const violations = await runAxe(page);
  check(violations.length === 0, `axe: no violations${violations.map((v) => ` (${v.id}: ${v.nodes[0]?.target})`).join('')}`);
  // The date still reads as one line when there is room: it breaks only when it must.
  await page.setViewportSize({ width: 1280, height: 800 });
  const oneLine = await page.evaluate(() => [...document.querySelectorAll('time')].every((t) => t.getClientRects().length === 1));
  check(oneLine, '1280 px: every date is on one line');
} finally {
  await browser.close();
  await server.close();
}
done();
