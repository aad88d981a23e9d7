/** Internal approval circuits before signature: the tables, by name. */
export type CircuitTables = Record<never, never>;
