import { translate } from "../i18n/translate";

/**
 * The plain page for a host that belongs to no practice. It names no practice and links nowhere,
 * so an unknown host never shows another practice's portal.
 */
export function unknownHostResponse(): Response {
  const title = `${translate("nl", "not_found.title")} · ${translate("en", "not_found.title")}`;
  const html = `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body>
<main>
<h1>${translate("nl", "not_found.title")}</h1>
<p>${translate("nl", "not_found.body")}</p>
<h2 lang="en">${translate("en", "not_found.title")}</h2>
<p lang="en">${translate("en", "not_found.body")}</p>
</main>
</body>
</html>`;
  return new Response(html, { status: 404, headers: { "Content-Type": "text/html; charset=utf-8" } });
}
