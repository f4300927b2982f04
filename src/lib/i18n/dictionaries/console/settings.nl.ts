/** Practice console texts (settings), Dutch. Same keys in both languages. */
export const consoleSettingsNl = {} as const;
