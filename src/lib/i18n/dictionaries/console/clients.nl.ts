/** Practice console texts (clients), Dutch. Same keys in both languages. */
export const consoleClientsNl = {} as const;
