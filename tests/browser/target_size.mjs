// Target size: how big the things a finger or a shaky mouse must hit are.
//   2.5.8 (WCAG 2.2 AA, 24 px): every target is at least 24×24 CSS px, or a 24 px
//         circle on its centre touches no other target (the spacing exception).
//   44 px (kyodo's own goal, as WCAG 2.5.5 AAA / デジタル庁 DADS): every target kyodo
//         draws — menus, breadcrumbs, cards, lists of links, the footer, form
//         controls — is at least 44 px high and wide.
// Both exempt a link inside a sentence (WCAG's "inline" exception: its size is the
// line's) and the skip link (off-screen until focused). The 44 px goal also leaves
// out staff-written Markdown (.body): a list of links there is the author's text.
// A checkbox or radio button counts with its label, since a click on either ticks it.
//
// As a module, a11y.mjs calls targetSizeCheck() on the pages it already has open.

/** The success criteria of the two checks, for the rule table of the report. */
export const TARGET_SIZE_RULES = {
  'kyodo-target-size-24': { help: 'Targets are at least 24 × 24 px or spaced apart (WCAG 2.2 2.5.8)', sc: ['2.5.8'], level: 'AA', version: '2.2' },
  'kyodo-target-size-44': { help: 'Targets kyodo draws (menus, breadcrumbs, cards, link lists, footer, controls) are at least 44 × 44 px', sc: ['2.5.5'], level: 'AAA', version: '2.1' },
};

// Runs in the page: [{name, w, h, small24, small44}] for the targets that fail either size, or null (not judged).
function measureTargets() {
  // A page whose stylesheet did not load (404.html refers to the published host) shows
  // browser defaults, which say nothing about kyodo's sizes: not judged.
  const loaded = (link) => {
    try {
      return link.sheet !== null && link.sheet.cssRules.length > 0;
    } catch {
      return false; // another origin's sheet: not the one kyodo wrote beside the page
    }
  };
  if ([...document.querySelectorAll('link[rel="stylesheet"]')].some((l) => !loaded(l))) return null;
  const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex="0"]';
  const name = (el) => el.localName + (el.id ? `#${el.id}` : '') + [...el.classList].map((c) => `.${c}`).join('') +
    ` "${(el.textContent || el.getAttribute('aria-label') || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 30)}"`;
  const shown = (el) => {
    if (el.closest('[hidden], [inert], details:not([open]) > :not(summary)')) return false;
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return cs.visibility !== 'hidden' && cs.display !== 'none' && r.width > 0 && r.height > 0;
  };
  // The text of the nearest block around a link, without the links: words there are a sentence it sits in.
  const inline = (el) => {
    if (!el.matches('a')) return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
    if (!block) return false;
    const copy = block.cloneNode(true);
    for (const link of copy.querySelectorAll('a, button')) link.remove(); // links side by side are no sentence
    // Separators (＞ › | ・) are not a sentence: breadcrumbs drawn with them still count.
    return /[\p{L}\p{N}]/u.test(copy.textContent);
  };
  const rectOf = (el) => {
    const r = el.getBoundingClientRect();
    let box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    if (el.matches('input[type="checkbox"], input[type="radio"]')) {
      for (const label of el.labels ?? []) {
        const l = label.getBoundingClientRect();
        box = { left: Math.min(box.left, l.left), top: Math.min(box.top, l.top),
          right: Math.max(box.right, l.right), bottom: Math.max(box.bottom, l.bottom) };
      }
    }
    return box;
  };
  const targets = [...document.querySelectorAll(selector)]
    .filter((el) => shown(el) && !el.matches('.skip-link'))
    .map((el) => ({ el, box: rectOf(el), inline: inline(el), authored: !!el.closest('.body') }));
  // Spacing exception: a 24 px circle on the centre of an undersized target must not
  // meet another target, nor the circle of another undersized one.
  const distance = (x, y, b) => Math.hypot(Math.max(b.left - x, 0, x - b.right), Math.max(b.top - y, 0, y - b.bottom));
  const centre = (b) => [(b.left + b.right) / 2, (b.top + b.bottom) / 2];
  const under24 = (t) => t.box.right - t.box.left < 24 - 0.5 || t.box.bottom - t.box.top < 24 - 0.5;
  const out = [];
  for (const t of targets) {
    if (t.inline) continue;
    const w = t.box.right - t.box.left;
    const h = t.box.bottom - t.box.top;
    let small24 = false;
    if (under24(t)) {
      const [x, y] = centre(t.box);
      small24 = targets.some((o) => o !== t && !o.el.contains(t.el) && !t.el.contains(o.el) &&
        (distance(x, y, o.box) < 12 || (under24(o) && Math.hypot(x - centre(o.box)[0], y - centre(o.box)[1]) < 24)));
    }
    const small44 = !t.authored && (w < 44 - 0.5 || h < 44 - 0.5);
    if (small24 || small44) out.push({ name: name(t.el), w: Math.round(w), h: Math.round(h), small24, small44 });
  }
  return out;
}

/** kyodo-target-size-24 and -44 on the loaded page: [{id, violation|null}], violation {target, help, nodes}. */
export async function targetSizeCheck(page) {
  const small = await page.evaluate(measureTargets);
  if (small === null) return [];
  const verdict = (id, list, what) => ({
    id,
    violation: list.length ? {
      target: list[0].name, nodes: list.length,
      help: `${list.length} target${list.length > 1 ? 's' : ''} ${what}: ` +
        list.slice(0, 5).map((t) => `${t.name} ${t.w}×${t.h}`).join(', ') + (list.length > 5 ? ', …' : ''),
    } : null,
  });
  return [
    verdict('kyodo-target-size-24', small.filter((t) => t.small24), 'under 24 px and too close to another'),
    verdict('kyodo-target-size-44', small.filter((t) => t.small44), 'under 44 px'),
  ];
}
