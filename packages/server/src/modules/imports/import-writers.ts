import type { Kysely, Transaction } from "kysely";
import type { DB } from "#db/schema.js";
import { createActivityService } from "#modules/activities/activity.service.js";
import { createAgreementService } from "#modules/agreements/agreement.service.js";
import type { DocumentDetacher } from "#modules/documents/document.service.js";
import { createOrganisationService } from "#modules/organisations/organisation.service.js";
import { createPersonService } from "#modules/people/person.service.js";
import { createEventService } from "#modules/publication/event.service.js";
import type { Deps } from "#shared/deps.js";

export interface WriterSettings {
  expiringWindowDays: number;
  publicUrl: string;
}

/**
 * The transaction as the services see it: each service opens its own transaction, which here
 * joins the import's one, so every row is written by the services' own rules, search documents
 * and audit entries, and the whole file commits or rolls back at once.
 */
export function joinedTransaction(trx: Transaction<DB>): Kysely<DB> {
  const join = { execute: <T>(work: (t: Kysely<DB>) => Promise<T>) => work(trx) };
  return new Proxy(trx, {
    get(target, prop) {
      if (prop === "transaction") return () => join;
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** The services an import writes through, bound to one transaction. */
export function writersFor(deps: Deps, db: Kysely<DB>, settings: WriterSettings, detach: DocumentDetacher) {
  const bound: Deps = { ...deps, db };
  return {
    db,
    organisations: createOrganisationService(bound),
    people: createPersonService(bound),
    agreements: createAgreementService(bound, { expiringWindowDays: settings.expiringWindowDays }, detach),
    activities: createActivityService(bound, detach),
    events: createEventService(bound, { publicUrl: settings.publicUrl }),
  };
}
export type Writers = ReturnType<typeof writersFor>;
