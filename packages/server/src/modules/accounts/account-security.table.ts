/** Password resets, invitations, second factors and sign-in throttling: the tables, by name. */
export type AccountSecurityTables = Record<never, never>;
