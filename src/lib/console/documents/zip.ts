import { FILE_TYPES, type ZipTypeId } from "./file-types";

/**
 * Bytes kept from the end of a ZIP upload: enough for the end-of-central-directory record with
 * the longest comment (22 + 65,535 bytes) and a central directory of several thousand entries.
 */
export const ZIP_TAIL_BYTES = 1024 * 1024;

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END_OF_CENTRAL_DIRECTORY = 0x06064b50;
const END_RECORD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;

/** The part names that mark each ZIP-based type, besides the container checks. */
const OOXML_FOLDERS: Partial<Record<ZipTypeId, string>> = { docx: "word/", xlsx: "xl/", pptx: "ppt/" };

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Returns the names in the central directory, read from the last bytes of the file (`tail`) and
 * the file's size. Returns null when the directory is missing or not whole, as in a damaged or
 * truncated file.
 */
export function centralDirectoryNames(tail: Uint8Array, fileSize: number): string[] | null {
  const data = view(tail);
  const lowest = Math.max(0, tail.byteLength - END_RECORD_BYTES - MAX_COMMENT_BYTES);

  for (let position = tail.byteLength - END_RECORD_BYTES; position >= lowest; position -= 1) {
    if (data.getUint32(position, true) !== END_OF_CENTRAL_DIRECTORY) continue;
    const commentLength = data.getUint16(position + 20, true);
    if (position + END_RECORD_BYTES + commentLength !== tail.byteLength) continue;

    let entryCount = data.getUint16(position + 10, true);
    let directorySize = data.getUint32(position + 12, true);
    let directoryOffset = data.getUint32(position + 16, true);
    if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
      // Some writers use the ZIP64 record even for small files; its fields hold the real values.
      const zip64 = zip64Directory(data, position, fileSize - tail.byteLength);
      if (!zip64) return null;
      ({ entryCount, directorySize, directoryOffset } = zip64);
    }
    const start = directoryOffset - (fileSize - tail.byteLength);
    if (start < 0 || start + directorySize > position) return null;
    return readEntries(tail, start, start + directorySize, entryCount);
  }
  return null;
}

/** Reads the ZIP64 end-of-central-directory record that the locator before `endPosition` points at. */
function zip64Directory(data: DataView, endPosition: number, tailStart: number) {
  const locator = endPosition - 20;
  if (locator < 0 || data.getUint32(locator, true) !== ZIP64_END_LOCATOR) return null;

  const record = Number(data.getBigUint64(locator + 8, true)) - tailStart;
  if (record < 0 || record + 56 > locator || data.getUint32(record, true) !== ZIP64_END_OF_CENTRAL_DIRECTORY) {
    return null;
  }
  return {
    entryCount: Number(data.getBigUint64(record + 32, true)),
    directorySize: Number(data.getBigUint64(record + 40, true)),
    directoryOffset: Number(data.getBigUint64(record + 48, true)),
  };
}

function readEntries(tail: Uint8Array, start: number, end: number, entryCount: number): string[] | null {
  const data = view(tail);
  const decoder = new TextDecoder("utf-8");
  const names: string[] = [];
  let position = start;

  for (let index = 0; index < entryCount; index += 1) {
    if (position + 46 > end || data.getUint32(position, true) !== CENTRAL_DIRECTORY_ENTRY) return null;
    const nameLength = data.getUint16(position + 28, true);
    const extraLength = data.getUint16(position + 30, true);
    const commentLength = data.getUint16(position + 32, true);
    const nameEnd = position + 46 + nameLength;
    if (nameEnd > end) return null;

    names.push(decoder.decode(tail.subarray(position + 46, nameEnd)));
    position = nameEnd + extraLength + commentLength;
  }
  return names;
}

/**
 * Returns the media type an OpenDocument file declares in its first entry: an uncompressed file
 * named `mimetype`, which the OpenDocument format requires to come first. Null when it is absent.
 */
export function openDocumentMimetype(head: Uint8Array): string | null {
  if (head.byteLength < 30) return null;
  const data = view(head);
  if (data.getUint32(0, true) !== LOCAL_FILE_HEADER || data.getUint16(8, true) !== 0) return null;

  const size = data.getUint32(18, true);
  const nameLength = data.getUint16(26, true);
  const extraLength = data.getUint16(28, true);
  const dataStart = 30 + nameLength + extraLength;
  if (dataStart + size > head.byteLength || size > 200) return null;

  const name = new TextDecoder().decode(head.subarray(30, 30 + nameLength));
  if (name !== "mimetype") return null;
  return new TextDecoder().decode(head.subarray(dataStart, dataStart + size));
}

/**
 * Checks that a whole ZIP upload is the Office or OpenDocument file its extension names. OOXML
 * needs `[Content_Types].xml` and its main folder (`word/`, `xl/`, `ppt/`). OpenDocument needs
 * the matching `mimetype` entry first and a `content.xml`.
 */
export function checkZipEntries(type: ZipTypeId, head: Uint8Array, tail: Uint8Array, fileSize: number): boolean {
  const names = centralDirectoryNames(tail, fileSize);
  if (!names) return false;

  const folder = OOXML_FOLDERS[type];
  if (folder) return names.includes("[Content_Types].xml") && names.some((name) => name.startsWith(folder));

  return openDocumentMimetype(head) === FILE_TYPES[type].contentType && names.includes("content.xml");
}
