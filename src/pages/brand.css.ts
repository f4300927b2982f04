import type { APIRoute } from "astro";

import { isHexColor, readableTextColor } from "../lib/branding/contrast";

/** Seconds a browser may reuse the stylesheet; the URL changes with the colour anyway. */
const BRAND_CSS_MAX_AGE_SECONDS = 300;

/**
 * The practice's colours as CSS custom properties. Served as a stylesheet rather than an inline
 * style so the Content-Security-Policy needs no `unsafe-inline`.
 */
export const GET: APIRoute = ({ locals }) => {
  const brand = isHexColor(locals.practice.brandColor) ? locals.practice.brandColor : "#2f6f5e";
  const css = `:root{--brand:${brand};--on-brand:${readableTextColor(brand)};}\n`;

  return new Response(css, {
    headers: {
      "Content-Type": "text/css; charset=utf-8",
      "Cache-Control": `public, max-age=${BRAND_CSS_MAX_AGE_SECONDS}`,
    },
  });
};
