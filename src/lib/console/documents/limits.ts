/**
 * Largest document a staff member can upload, in bytes: 100 MB, decimal like the sizes the
 * console shows (`formatFileSize`).
 */
export const MAX_DOCUMENT_BYTES = 100_000_000;

/**
 * Room for the form fields and part headers around the file in a multipart upload, in bytes. A
 * multipart body larger than the file limit plus this is rejected before it is read.
 */
export const MAX_MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** Maximum length of a stored original file name, in characters (Unicode code points). */
export const MAX_FILE_NAME_CHARACTERS = 255;
