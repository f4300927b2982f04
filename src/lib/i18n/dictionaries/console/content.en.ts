/** Practice console texts (content), English. Same keys in both languages. */
export const consoleContentEn = {} as const;
