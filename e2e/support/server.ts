import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Clock, loadConfig, type Running, SYSTEM_ACTOR, startServer } from "@conventio/server";
import pg from "pg";

export const ADMIN = { email: "ada@example.org", name: "Ada Admin", password: "a-long-enough-password" } as const;

export interface TestServer {
  url: string;
  running: Running;
  /** Stops the server and starts it again on the same data folder (a new port). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  withAdmin?: boolean;
  /** SQLite in a temporary folder (the default), or a fresh database on the PostgreSQL server of the test suite. */
  engine?: "sqlite" | "postgres";
  demo?: boolean;
  clock?: Clock;
  smtpUrl?: string;
  /** The address people reach it at (canonical links, sitemaps); http://HOST:0 otherwise. */
  publicUrl?: string;
}

/**
 * A real Conventio on a free port with a fresh SQLite database in a temporary folder: migrations,
 * the bundled registry and the built web app, exactly as in production. Reminders run only when
 * a journey asks for them.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "conventio-e2e-"));
  const postgres = options.engine === "postgres" ? await freshPostgresDatabase() : null;
  const config = loadConfig({
    ...(postgres ? { DATABASE_URL: postgres.url } : {}),
    NODE_ENV: "test",
    DATA_DIR: dataDir,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    // Journeys move the clock by months; a sign-in outlasts them.
    SESSION_DAYS: "365",
    // Journeys read the dashboard right after changing data, however slow the machine.
    FIGURES_KEEP_AFTER_MS: "600000",
    // The EWP node reads a local catalogue (none here) rather than reaching the network's registry.
    EWP_CATALOGUE: join(dataDir, "ewp-catalogue.xml"),
    ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}),
    ...(options.publicUrl ? { PUBLIC_URL: options.publicUrl } : {}),
  });
  const start = () => startServer({ config, demo: options.demo ?? false, reminders: false, clock: options.clock });
  let running = await start();
  if (options.withAdmin !== false) await running.services.accounts.createUserAsOperator({ ...ADMIN, role: "admin" });
  const server: TestServer = {
    url: running.url,
    running,
    async restart() {
      await running.stop();
      running = await start();
      server.running = running;
      server.url = running.url;
    },
    async stop() {
      await running.stop();
      await postgres?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** A database of its own on the suite's PostgreSQL server, dropped when the journey ends. */
async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `conventio_e2e_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  try {
    await admin(`create database ${name}`);
  } catch (err) {
    throw new Error(
      `Browser journeys on PostgreSQL need a server at TEST_DATABASE_URL (${TEST_DATABASE_URL}): ${String(err)}`,
    );
  }
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  // The server's pool closes its connections without waiting for them to go; forcing the drop
  // at once would kill them mid-goodbye and surface as an error in the journey. Wait for them.
  const drop = async () => {
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        await admin(`drop database if exists ${name}`);
        return;
      } catch (err) {
        if ((err as { code?: string }).code !== "55006") throw err;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    await admin(`drop database if exists ${name} with (force)`);
  };
  return { url: url.toString(), drop };
}

type OrganisationSeed = {
  kind: "university" | "network" | "local_authority";
  name: string;
  countryCode: string;
  city: string;
  visibility: "internal" | "public";
  website?: string;
  identifiers?: { scheme: "pic" | "ror" | "erasmus"; value: string }[];
};

/** Partners the journeys can look at; created through the service, as an import would. */
export async function seedOrganisation(server: TestServer, seed: OrganisationSeed): Promise<string> {
  const created = await server.running.services.organisations.createOrganisation(SYSTEM_ACTOR, {
    names: [],
    acronym: null,
    lat: null,
    lng: null,
    website: seed.website ?? null,
    description: null,
    parentId: null,
    successorId: null,
    confirmDuplicate: true,
    ...seed,
    identifiers: seed.identifiers ?? [],
  });
  return created.id;
}

/** Partners per country as the server counts them for a signed-in reader. */
export async function partnersIn(server: TestServer, countryCode: string): Promise<number> {
  const counts = await server.running.services.organisations.countByCountry(SYSTEM_ACTOR);
  return counts.find((c) => c.countryCode === countryCode)?.count ?? 0;
}

/** How many organisations a search finds, read straight from the service (not through the UI under test). */
export async function countOrganisations(server: TestServer, q: string): Promise<number> {
  const page = await server.running.services.organisations.listOrganisations(SYSTEM_ACTOR, { q, limit: 50 });
  return page.items.length;
}

/** The language an account's e-mails are written in, read from the service. */
export async function languageOf(server: TestServer, email: string): Promise<string | undefined> {
  const users = await server.running.services.accounts.listUsers(SYSTEM_ACTOR);
  return users.find((u) => u.email === email)?.language;
}

/** The role of an account, read from the service. */
export async function roleOf(server: TestServer, email: string): Promise<string | undefined> {
  const users = await server.running.services.accounts.listUsers(SYSTEM_ACTOR);
  return users.find((u) => u.email === email)?.role;
}

/** A small partnership to look at: a network with two members, one of them with a unit and a contact. */
export async function seedPartnership(server: TestServer): Promise<{ networkId: string; personId: string }> {
  const { organisations, people } = server.running.services;
  const lille = await seedOrganisation(server, {
    kind: "university",
    name: "Université de Lille",
    countryCode: "FR",
    city: "Lille",
    visibility: "public",
    website: "https://www.univ-lille.fr",
    identifiers: [
      { scheme: "ror", value: "https://ror.org/02kzqn938" },
      { scheme: "pic", value: "888146648" },
    ],
  });
  const linkoping = await seedOrganisation(server, {
    kind: "university",
    name: "Linköping University",
    countryCode: "SE",
    city: "Linköping",
    visibility: "public",
  });
  const networkId = await seedOrganisation(server, {
    kind: "network",
    name: "European Campus Alliance",
    countryCode: "BE",
    city: "Brussels",
    visibility: "internal",
  });
  await organisations.createOrganisation(SYSTEM_ACTOR, {
    kind: "unit",
    name: "Faculté des sciences et technologies",
    names: [{ lang: "en", value: "Faculty of Science and Technology" }],
    acronym: "FST",
    countryCode: "FR",
    city: "Villeneuve-d'Ascq",
    lat: null,
    lng: null,
    website: null,
    description: null,
    parentId: lille,
    successorId: null,
    visibility: "internal",
    identifiers: [],
    confirmDuplicate: true,
  });
  for (const memberId of [lille, linkoping]) {
    await organisations.addMembership(SYSTEM_ACTOR, networkId, { memberId, since: "2019-11-07", until: null });
  }
  const person = await people.createPerson(SYSTEM_ACTOR, {
    givenName: "Anna",
    familyName: "Lindqvist",
    title: "Coordinator of the collaboration area",
    organisationId: linkoping,
    email: "anna.lindqvist@example.se",
    phone: "+46 13 28 10 00",
    languages: ["sv", "en", "fr"],
    publicContact: false,
  });
  await people.addRole(SYSTEM_ACTOR, person.id, {
    role: "Student representative",
    organisationId: linkoping,
    since: "2023-01-01",
    until: "2023-12-31",
  });
  return { networkId, personId: person.id };
}
