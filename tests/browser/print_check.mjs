// Print: a printed page has no backgrounds (browsers leave them out to save ink), so
// text whose colour was chosen for a dark band (a header, a footer) vanishes on white
// paper. Checks that every printed piece of text reads on white at WCAG 1.4.3's ratio
// (4.5:1, 3:1 for large text): 様式 and pages are printed to hand in or keep.
//
// As a module, a11y.mjs calls printCheck() on the pages it already has open.

export const PRINT_RULES = {
  'kyodo-print-contrast': { help: 'Printed text reads on white paper (contrast 4.5:1, large text 3:1)', sc: ['1.4.3'], level: 'AA', version: '2.0' },
};

// Runs in the page (print media): [{name, ratio}] for text too faint on white.
function faintText() {
  const channel = (v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const parse = (css) => (css.match(/[\d.]+/g) || []).map(Number);
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || seen.has(el) || !node.textContent.trim()) continue;
    seen.add(el);
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    if (cs.visibility === 'hidden' || r.width === 0 || r.height === 0 || el.closest('[hidden], .visually-hidden')) continue;
    // Backgrounds are printed only where a page asks for it (print-color-adjust: exact).
    if (cs.printColorAdjust === 'exact') continue;
    const [red, green, blue, alpha = 1] = parse(cs.color);
    if (alpha < 0.1) continue;
    const l = 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue);
    const ratio = 1.05 / (l * alpha + (1 - alpha) + 0.05); // over white
    const size = parseFloat(cs.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(cs.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) {
      out.push({ name: `${el.localName}${[...el.classList].map((c) => `.${c}`).join('')} "${node.textContent.trim().slice(0, 20)}"`, ratio: ratio.toFixed(2) });
    }
  }
  return out;
}

/** kyodo-print-contrast on the loaded page, printed: [{id, violation|null}]. Leaves the page in screen media. */
export async function printCheck(page) {
  // Reduced motion: the colour transitions would otherwise be caught half-way.
  await page.emulateMedia({ media: 'print', reducedMotion: 'reduce' });
  try {
    const faint = await page.evaluate(faintText);
    return [{
      id: 'kyodo-print-contrast',
      violation: faint.length ? {
        target: faint[0].name, nodes: faint.length,
        help: `${faint.length} printed text${faint.length > 1 ? 's' : ''} too faint on white: ` +
          faint.slice(0, 5).map((f) => `${f.name} ${f.ratio}:1`).join(', ') + (faint.length > 5 ? ', …' : ''),
      } : null,
    }];
  } finally {
    await page.emulateMedia({ media: 'screen', reducedMotion: null });
  }
}
