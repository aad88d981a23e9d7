import {
  ActivityInput,
  type ActivityKind,
  type ActivityView,
  type Actor,
  foldText,
  type ImportRowOutcome,
} from "@conventio/domain";
import type { KindImporter } from "./import-kind.js";
import { sameSet } from "./import-kind.js";
import { resolveAgreement, resolveOrganisations, resolvePerson } from "./import-refs.js";
import { outcome, type RowReader, topField } from "./import-row.js";
import type { Writers } from "./import-writers.js";

const MOBILITY_FIELDS: Record<string, string> = {
  direction: "direction",
  level: "level",
  academicYear: "academicYear",
  count: "count",
  participantId: "participant",
};

interface ActivityRowInput {
  id: string | null;
  /** The input as the row gives it, references still to resolve. */
  input: ActivityInput;
  titled: boolean;
  given: Set<string>;
}

/** The title of mobility figures given without one: what, which way, which level, which year. */
function mobilityTitle(kind: ActivityKind, m: NonNullable<ActivityInput["mobility"]>): string {
  return [kind.replace(/_/g, " "), m.direction, m.level, m.academicYear].join(" · ");
}

/** The input an activity was saved from, so an update keeps what the sheet does not hold. */
function inputOf(a: ActivityView): ActivityInput {
  return {
    kind: a.kind,
    title: a.title,
    description: a.description,
    status: a.status,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    agreementId: a.agreement?.id ?? null,
    axisId: a.axis?.id ?? null,
    partnerIds: a.partners.map((p) => p.id),
    ownerId: a.owner?.id ?? null,
    place: a.place,
    laboratories: a.laboratories,
    mobility: a.mobility
      ? {
          direction: a.mobility.direction,
          level: a.mobility.level,
          academicYear: a.mobility.academicYear,
          count: a.mobility.count,
          participantId: a.mobility.participant?.id ?? null,
        }
      : null,
    funding: a.funding,
  };
}

/** The stored activity a row means: mobility figures by kind, year, way, level, partners and person; others by title and start. */
async function findMatch(w: Writers, actor: Actor, input: ActivityInput) {
  let q = w.db.selectFrom("activity").select("id").where("kind", "=", input.kind);
  const m = input.mobility;
  if (m) {
    q = q
      .where("academic_year", "=", m.academicYear)
      .where("direction", "=", m.direction)
      .where("level", "=", m.level)
      .where("participant_id", m.participantId ? "=" : "is", m.participantId);
  }
  q = input.agreementId ? q.where("agreement_id", "=", input.agreementId) : q.where("agreement_id", "is", null);
  for (const row of await q.limit(200).execute()) {
    const a = await w.activities.getActivity(actor, row.id);
    if (
      !sameSet(
        a.partners.map((p) => p.id),
        input.partnerIds,
      )
    )
      continue;
    if (m || (foldText(a.title) === foldText(input.title) && a.startsOn === input.startsOn)) return a;
  }
  return undefined;
}

export const activityImporter: KindImporter<ActivityRowInput> = {
  fallback: "title",

  fieldOf(path) {
    const parts = path.split(".");
    if (parts[0] === "mobility") return MOBILITY_FIELDS[parts[1] ?? ""] ?? "kind";
    const top = topField(path);
    return top === "agreementId" ? "agreement" : top === "partnerIds" ? "partners" : top;
  },

  read(r: RowReader): ActivityRowInput | null {
    const kind = r.text("kind")?.toLowerCase() ?? "";
    const count = r.integer("count");
    const participant = r.text("participant");
    const hasMobility = ["academicYear", "direction", "level", "count", "participant"].some((f) => r.text(f));
    const mobility = hasMobility
      ? {
          direction: r.text("direction")?.toLowerCase() ?? "",
          level: r.text("level")?.toLowerCase() ?? "",
          academicYear: r.text("academicYear")?.replace(/\s*[/–—]\s*|\s+-\s+/, "-") ?? "",
          count: count ?? (participant ? 1 : 0),
          participantId: participant ? "participant" : null,
        }
      : null;
    const title = r.text("title");
    const status = r.text("status")?.toLowerCase() ?? (mobility ? "completed" : "planned");
    const parsed = ActivityInput.safeParse({
      kind,
      title: title ?? "untitled",
      description: r.text("description"),
      status,
      startsOn: r.text("startsOn"),
      endsOn: r.text("endsOn"),
      agreementId: r.text("agreement") ? "agreement" : null,
      partnerIds: [],
      place: r.text("place"),
      mobility,
    });
    if (!parsed.success) {
      r.addIssues(parsed.error.issues, (path) =>
        path[0] === "mobility"
          ? (MOBILITY_FIELDS[String(path[1])] ?? "kind")
          : activityImporter.fieldOf(path.join("."), null as never),
      );
      return null;
    }
    if (!title && !parsed.data.mobility) {
      r.fail("title", "A title is required");
      return null;
    }
    const input = parsed.data;
    if (!title && input.mobility) input.title = mobilityTitle(input.kind, input.mobility);
    const given = new Set(["description", "status", "startsOn", "endsOn", "place"].filter((f) => r.text(f)));
    return { id: r.text("id"), input, titled: Boolean(title), given };
  },

  async write(v, w, actor, r): Promise<ImportRowOutcome | null> {
    const partnerIds = await resolveOrganisations(w.db, r, "partners");
    const agreementId = await resolveAgreement(w.db, r, "agreement");
    const participantId = await resolvePerson(w.db, r, "participant");
    if (!partnerIds || agreementId === null || participantId === null) return null;
    const input: ActivityInput = {
      ...v.input,
      partnerIds,
      agreementId: agreementId ?? null,
      mobility: v.input.mobility ? { ...v.input.mobility, participantId: participantId ?? null } : null,
    };
    let before: ActivityView | undefined;
    if (v.id) {
      const found = await w.db.selectFrom("activity").select("id").where("id", "=", v.id).executeTakeFirst();
      if (!found) {
        r.fail("id", "No activity has this id.");
        return null;
      }
      before = await w.activities.getActivity(actor, found.id);
    } else before = await findMatch(w, actor, input);
    if (!before) {
      const created = await w.activities.createActivity(actor, input);
      return outcome(r.row, "create", created.id, input.title);
    }
    const current = inputOf(before);
    const next: ActivityInput = {
      ...current,
      kind: input.kind,
      title: v.titled ? input.title : current.title,
      partnerIds: r.text("partners") ? input.partnerIds : current.partnerIds,
      agreementId: input.agreementId ?? current.agreementId,
      mobility: input.mobility ?? current.mobility,
      ...Object.fromEntries([...v.given].map((f) => [f, input[f as keyof ActivityInput]])),
    };
    if (JSON.stringify(next) === JSON.stringify(current)) return outcome(r.row, "unchanged", before.id, input.title);
    const checked = ActivityInput.safeParse(next);
    if (!checked.success) {
      r.addIssues(checked.error.issues, (path) => activityImporter.fieldOf(path.join("."), v));
      return null;
    }
    await w.activities.updateActivity(actor, before.id, checked.data);
    return outcome(r.row, "update", before.id, input.title);
  },
};
