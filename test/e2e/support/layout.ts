import type { Page } from "playwright-core";

/** How a page fits the width of the viewport. */
export interface HorizontalFit {
  viewportWidth: number;
  /** `document.documentElement.scrollWidth`: above the viewport width, the page scrolls sideways. */
  scrollWidth: number;
  /** Elements whose right edge lies beyond the viewport, as `tag.class: right edge in px`. */
  overflowingElements: string[];
}

/**
 * Measures whether the page needs horizontal scrolling. Besides the document's scroll width it
 * lists the elements that stick out on the right, so a failure names the culprit. Elements of
 * 1 px or less (visually hidden text) are left out.
 */
export function measureHorizontalFit(page: Page): Promise<HorizontalFit> {
  return page.evaluate(() => {
    const viewportWidth = document.documentElement.clientWidth;
    const overflowingElements: string[] = [];

    for (const element of document.body.querySelectorAll("*")) {
      const box = element.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      if (box.right > viewportWidth + 0.5) {
        const classes = element.classList.length > 0 ? `.${[...element.classList].join(".")}` : "";
        overflowingElements.push(`${element.tagName.toLowerCase()}${classes}: ${Math.round(box.right)}`);
      }
    }

    return { viewportWidth, scrollWidth: document.documentElement.scrollWidth, overflowingElements };
  });
}
