/** Practice console texts (clients), English. Same keys in both languages. */
export const consoleClientsEn = {} as const;
