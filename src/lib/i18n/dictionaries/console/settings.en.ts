/** Practice console texts (settings), English. Same keys in both languages. */
export const consoleSettingsEn = {} as const;
