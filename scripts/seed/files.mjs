// Real files for the demo seed, made at seed time so the repository holds no binary blobs.
import { crc32, deflateSync } from "node:zlib";

/** Escapes text for a PDF literal string; the demo texts use Latin-1 characters only. */
function pdfString(text) {
  return `(${text.replace(/[\\()]/g, (character) => `\\${character}`)})`;
}

/**
 * Returns a valid one-page PDF showing `lines`, with the cross-reference table computed from the
 * real byte offsets so viewers open it without repairing it.
 */
export function makePdf(title, lines) {
  const content = [
    "BT",
    "/F1 20 Tf 72 760 Td",
    `${pdfString(title)} Tj`,
    "/F1 12 Tf 0 -32 Td 16 TL",
    ...lines.map((line) => `${pdfString(line)} '`),
    "ET",
  ].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  ];

  let pdf = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, "latin1"));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefOffset = Buffer.byteLength(pdf, "latin1");
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, "0")} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info << /Title ${pdfString(title)} >> >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}

function pngChunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, checksum]);
}

/** Returns an RGB PNG of `width` × `height` with a soft diagonal gradient in the given colour. */
export function makePng(width, height, [red, green, blue]) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);

  const rows = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x += 1) {
      const shade = (x + y) / (width + height);
      row[1 + x * 3] = Math.round(red + (255 - red) * shade);
      row[2 + x * 3] = Math.round(green + (255 - green) * shade);
      row[3 + x * 3] = Math.round(blue + (255 - blue) * shade);
    }
    rows.push(row);
  }

  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(Buffer.concat(rows))),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}
