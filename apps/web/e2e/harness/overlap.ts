import type { Page } from 'playwright-core';

/** The acceptance rule (issue 14): two notes may touch, not cover more than 5 % of a note. */
export const MAX_OVERLAP_SHARE = 0.05;

/**
 * Pairs of boxes among `selector` on this screen covering each other by more than `share` of
 * the smaller one, measured from the rendered DOM rectangles (real heights, any zoom).
 */
export async function overlappingPairs(page: Page, selector = '.note', share = MAX_OVERLAP_SHARE): Promise<string[]> {
  return page.locator(selector).evaluateAll((els, share) => {
    const rects = els.map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.getAttribute('aria-label') ?? '', x: r.x, y: r.y, w: r.width, h: r.height };
    });
    const out: string[] = [];
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i]!;
        const b = rects[j]!;
        const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
        const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
        if (w > 0 && h > 0 && w * h > share * Math.min(a.w * a.h, b.w * b.h)) out.push(`${a.id} × ${b.id}`);
      }
    }
    return out;
  }, share);
}
