import type { ImportKind } from "@conventio/domain";
import { activityImporter } from "./import-activities.js";
import { agreementImporter } from "./import-agreements.js";
import { eventImporter } from "./import-events.js";
import type { KindImporter } from "./import-kind.js";
import { organisationImporter } from "./import-organisations.js";
import { personImporter } from "./import-people.js";

/** What each kind of sheet is read and written with. */
export const IMPORTERS: Readonly<Record<ImportKind, KindImporter<unknown>>> = {
  organisations: organisationImporter as KindImporter<unknown>,
  people: personImporter as KindImporter<unknown>,
  agreements: agreementImporter as KindImporter<unknown>,
  activities: activityImporter as KindImporter<unknown>,
  events: eventImporter as KindImporter<unknown>,
};
