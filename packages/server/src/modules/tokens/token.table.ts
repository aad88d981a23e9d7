/** Personal API tokens: the tables, by name. */
export type TokenTables = Record<never, never>;
