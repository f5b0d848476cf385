#!/usr/bin/env node
// The in-page 分野/地域 filter of a groups page (groups.js) against the static
// filter pages it stands in for: for every 分野 and 地域 option, the groups left
// visible must be exactly those on groups/fields/<slug>/ or groups/area/<slug>/;
// the live region must give the count; jump links must only lead to visible rows;
// and axe must find nothing on the filtered page.
//
//   node tests/browser/groups_filter.mjs SITE_DIR CITY...
import process from 'node:process';
import { serveDir, launchBrowser, runAxe } from './lib.mjs';

const [site, ...cities] = process.argv.slice(2);
if (!site || cities.length === 0) {
  console.error('usage: node tests/browser/groups_filter.mjs SITE_DIR CITY...');
  process.exit(2);
}

const problems = [];
const check = (ok, what) => { if (!ok) problems.push(what); };

const visibleTitles = (page) => page.$$eval('.group-list > li:not([hidden]) > a', (as) => as.map((a) => a.textContent));
const staticTitles = async (page, url) => {
  await page.goto(url);
  return page.$$eval('.group-list > li > a', (as) => as.map((a) => a.textContent));
};

const server = await serveDir(site);
const browser = await launchBrowser();
let checked = 0;
try {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  for (const city of cities) {
    const list = `${server.url}${city}/groups/index.html`;
    await page.goto(list);
    check(await page.isVisible('#group-filter'), `${city}: the filter form is not shown when JavaScript runs`);
    check(!(await page.isVisible('details.filters')), `${city}: the static filter links are still shown next to the form`);
    const total = (await visibleTitles(page)).length;

    // Keyboard: Tab from the last jump link reaches the first select.
    const jumps = await page.$$('.gojuon a');
    await jumps[jumps.length - 1].focus();
    await page.keyboard.press('Tab');
    check(await page.evaluate(() => document.activeElement?.localName === 'select'), `${city}: Tab does not reach the filter`);

    for (const [select, kind] of [['#group-filter-field', 'fields'], ['#group-filter-area', 'area']]) {
      if (!(await page.$(select))) continue;
      const options = await page.$$eval(`${select} option`, (os) => os.map((o) => o.value).filter(Boolean));
      for (const value of options) {
        await page.goto(list);
        await page.selectOption(select, value);
        const shown = await visibleTitles(page);
        const status = await page.textContent('#group-filter [role="status"]');
        const jumpsOk = await page.$$eval('.gojuon a', (as) => as.every((a) => {
          const row = document.getElementById(decodeURIComponent(a.hash.slice(1)));
          return row && !row.hidden;
        }));
        const violations = await runAxe(page);
        const expected = await staticTitles(page, `${server.url}${city}/groups/${kind}/${value}/index.html`);
        check(JSON.stringify(shown) === JSON.stringify(expected),
          `${city} ${kind}=${value}: shows [${shown}] but the static page lists [${expected}]`);
        check(status === `${shown.length}団体を表示しています（全${total}団体）。`, `${city} ${kind}=${value}: status "${status}"`);
        check(jumpsOk, `${city} ${kind}=${value}: a jump link leads to a hidden row`);
        check(violations.length === 0, `${city} ${kind}=${value}: axe ${violations.map((v) => v.id).join(', ')}`);
        checked++;
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}

for (const p of problems) console.log(`FAIL  ${p}`);
console.log(`groups filter: ${checked} filter values checked against their static pages, ${problems.length} problems`);
process.exitCode = problems.length || checked === 0 ? 1 : 0;
