/** Practice console texts (content), Dutch. Same keys in both languages. */
export const consoleContentNl = {} as const;
