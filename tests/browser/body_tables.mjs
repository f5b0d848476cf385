#!/usr/bin/env node
// Tables in page bodies with the default theme's stylesheet, in headless chromium
// at 320 px (a phone at 400 %, or 640 px at 200 %): a converted 指針's 施策 table
// has one long cell beside short ones, and Japanese may break between any two
// characters, so without a floor the short columns shrink to one character a
// line (「市/長/公/室/課」); and the column alignment the author wrote (|---:|)
// must survive the theme's text-align. Printed, a wide table must still fit the
// paper (a scroll box cannot scroll there).
//
//   node tests/browser/body_tables.mjs      exit 0 when all pass, 1 otherwise
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDir, launchBrowser, checkList } from './lib.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { check, done } = checkList('body_tables');

const server = await serveDir(REPO);
const browser = await launchBrowser({ viewport: { width: 320, height: 800 } });
try {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}tests/browser/fixtures/body-tables/index.html`);
  const cells = await page.evaluate(() => [...document.querySelectorAll('.body th, .body td')].map((c) => {
    const style = getComputedStyle(c);
    const em = parseFloat(style.fontSize);
    const inner = c.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { text: c.textContent.trim(), chars: Math.floor((inner + 0.5) / em), align: c.getAttribute('align'), textAlign: style.textAlign };
  }));
  for (const c of cells) {
    const want = Math.min(4, [...c.text].length);
    check(c.chars >= want, `「${c.text.slice(0, 12)}」: ${c.chars} characters a line (at least ${want})`);
    if (c.align) check(c.textAlign === c.align, `「${c.text}」: aligned ${c.textAlign} as written (${c.align})`);
  }
  const wide = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  check(wide, 'the page itself does not scroll sideways (tables scroll in their box, code blocks wrap)');
  // On paper a scroll box cannot scroll: every table must fit the page's width.
  await page.setViewportSize({ width: 680, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  const clipped = await page.evaluate(() => [...document.querySelectorAll('.table-scroll')]
    .filter((box) => box.scrollWidth > box.clientWidth + 1).map((box) => box.getAttribute('aria-label')));
  check(clipped.length === 0, `printed, no table is cut off at the page's edge${clipped.length ? ` (${clipped.join(', ')})` : ''}`);
} finally {
  await browser.close();
  await server.close();
}
done();
