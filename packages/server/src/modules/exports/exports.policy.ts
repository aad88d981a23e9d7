import type { Actor, ExportKind } from "@conventio/domain";
import { activityPolicy } from "#modules/activities/activity.policy.js";
import { agreementPolicy } from "#modules/agreements/agreement.policy.js";
import { auditPolicy } from "#modules/audit/audit.policy.js";
import { organisationPolicy } from "#modules/organisations/organisation.policy.js";
import { personPolicy } from "#modules/people/person.policy.js";

/**
 * An export shows what its list shows, so each kind asks the policy its list asks. Events have no
 * gate: the public reads the published ones, and the list service keeps the rest from them.
 */
const readers: Record<ExportKind, (actor: Actor) => void> = {
  organisations: organisationPolicy.read,
  people: personPolicy.read,
  agreements: agreementPolicy.read,
  activities: activityPolicy.read,
  events: () => {},
  audit: auditPolicy.read,
};

export const exportPolicy = {
  /** Asked before the first byte is sent, so a refusal is a problem, never a broken download. */
  read: (actor: Actor, kind: ExportKind): void => readers[kind](actor),
};
