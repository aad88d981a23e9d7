/** Single sign-on through OpenID Connect: the tables, by name. */
export type SsoTables = Record<never, never>;
