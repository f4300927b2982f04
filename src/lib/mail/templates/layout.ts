import { readableTextColor } from "../../branding/contrast";
import type { Locale } from "../../i18n/locales";
import { escapeHtml } from "./escape";

export interface MailBranding {
  practiceName: string;
  brandColor: string;
  /** Absolute URL of the practice's logo, or null to show the name in text. */
  logoUrl?: string | null;
}

/**
 * Wraps already-escaped body HTML in the practice-branded email layout. Email clients ignore
 * stylesheets, so styles are inline; the layout is a single table for Outlook.
 */
export function renderMailLayout(options: {
  locale: Locale;
  branding: MailBranding;
  title: string;
  bodyHtml: string;
  footer: string;
}): string {
  const brand = options.branding.brandColor;
  const onBrand = readableTextColor(brand);
  const name = escapeHtml(options.branding.practiceName);
  // The alt text carries the name when a mail client blocks images.
  const header = options.branding.logoUrl
    ? `<img src="${escapeHtml(options.branding.logoUrl)}" alt="${name}" height="40" style="display:block;height:40px;width:auto;max-width:240px;border:0;color:${onBrand};font-size:18px;font-weight:bold;">`
    : name;

  return `<!doctype html>
<html lang="${options.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
</head>
<body style="margin:0;padding:0;background:#f4f5f4;font-family:Arial,Helvetica,sans-serif;color:#1d2521;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f4;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px;">
<tr><td style="background:${brand};color:${onBrand};padding:16px 24px;font-size:18px;font-weight:bold;border-radius:8px 8px 0 0;">${header}</td></tr>
<tr><td style="padding:24px;font-size:16px;line-height:1.5;">${options.bodyHtml}</td></tr>
<tr><td style="padding:16px 24px;font-size:13px;color:#4a5550;border-top:1px solid #e2e6e4;">${escapeHtml(options.footer)}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`;
}

/** Returns a bulletproof button link in the brand colour. */
export function renderMailButton(href: string, label: string, brandColor: string): string {
  const onBrand = readableTextColor(brandColor);
  return `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:16px 0;"><tr><td style="background:${brandColor};border-radius:6px;"><a href="${escapeHtml(href)}" style="display:inline-block;padding:12px 20px;color:${onBrand};text-decoration:none;font-weight:bold;">${escapeHtml(label)}</a></td></tr></table>`;
}
