import {
  CreatePersonInput,
  foldText,
  type ImportRowOutcome,
  PersonRoleInput,
  type UpdatePersonInput,
} from "@conventio/domain";
import type { KindImporter } from "./import-kind.js";
import { sameSet } from "./import-kind.js";
import { resolveOrganisation } from "./import-refs.js";
import { outcome, type RowReader, topField } from "./import-row.js";

interface PersonRowInput {
  id: string | null;
  organisation: string | null;
  roleOrganisation: string | null;
  input: CreatePersonInput;
  role: { role: string; since: string | null; until: string | null } | null;
  given: Set<string>;
}

const PERSON_FIELDS: Record<string, string> = { organisationId: "organisation" };
const ROLE_FIELDS: Record<string, string> = {
  role: "role",
  since: "roleFrom",
  until: "roleTo",
  organisationId: "roleOrganisation",
};

export const personImporter: KindImporter<PersonRowInput> = {
  fallback: "familyName",

  fieldOf(path) {
    const top = topField(path);
    return PERSON_FIELDS[top] ?? top;
  },

  read(r: RowReader): PersonRowInput | null {
    const organisation = r.text("organisation");
    const namedInPublic = r.yesNo("namedInPublic");
    const publicContact = r.yesNo("publicContact");
    const parsed = CreatePersonInput.safeParse({
      givenName: r.text("givenName") ?? "",
      familyName: r.text("familyName") ?? "",
      title: r.text("title"),
      organisationId: organisation ? "organisation" : null,
      email: r.text("email"),
      phone: r.text("phone"),
      languages: r.list("languages").map((l) => l.toLowerCase()),
      ...(namedInPublic === undefined ? {} : { namedInPublic }),
      ...(publicContact === undefined ? {} : { publicContact }),
    });
    if (!parsed.success) r.addIssues(parsed.error.issues, (path) => PERSON_FIELDS[String(path[0])] ?? String(path[0]));
    let role: PersonRowInput["role"] = null;
    const roleText = r.text("role");
    if (roleText || r.text("roleFrom") || r.text("roleTo")) {
      const parsedRole = PersonRoleInput.safeParse({
        role: roleText ?? "",
        organisationId: null,
        since: r.text("roleFrom"),
        until: r.text("roleTo"),
      });
      if (parsedRole.success) role = parsedRole.data;
      else r.addIssues(parsedRole.error.issues, (path) => ROLE_FIELDS[String(path[0])] ?? "role");
    }
    if (!parsed.success || r.errors.length > 0) return null;
    const given = new Set(
      ["title", "email", "phone", "languages", "namedInPublic", "publicContact"].filter((f) => r.text(f)),
    );
    return {
      id: r.text("id"),
      organisation,
      roleOrganisation: r.text("roleOrganisation") ?? organisation,
      input: parsed.data,
      role,
      given,
    };
  },

  async write(v, w, actor, r): Promise<ImportRowOutcome | null> {
    const { input, given } = v;
    const label = `${input.givenName} ${input.familyName}`;
    const organisationId = v.organisation
      ? ((await resolveOrganisation(w.db, r, "organisation", v.organisation))?.id ?? null)
      : null;
    const roleOrganisationId =
      v.role && v.roleOrganisation
        ? ((await resolveOrganisation(w.db, r, "roleOrganisation", v.roleOrganisation))?.id ?? null)
        : null;
    if (r.errors.length > 0) return null;
    // The person the row means: by id, else by e-mail, else by name within the same organisation.
    let matchId: string | undefined;
    if (v.id) {
      matchId = (await w.db.selectFrom("person").select("id").where("id", "=", v.id).executeTakeFirst())?.id;
      if (!matchId) {
        r.fail("id", "No person has this id.");
        return null;
      }
    } else if (input.email) {
      matchId = (await w.db.selectFrom("person").select("id").where("email", "=", input.email).executeTakeFirst())?.id;
    }
    if (!matchId) {
      let q = w.db
        .selectFrom("person")
        .select("id")
        .where("sort_name", "=", foldText(`${input.familyName} ${input.givenName}`));
      q = organisationId ? q.where("organisation_id", "=", organisationId) : q.where("organisation_id", "is", null);
      if (!input.email) matchId = (await q.executeTakeFirst())?.id;
    }
    let id: string;
    let action: ImportRowOutcome["action"];
    let roles: Array<{ role: string; organisation: { id: string } | null; since: string | null; until: string | null }>;
    if (!matchId) {
      const created = await w.people.createPerson(actor, { ...input, organisationId });
      id = created.id;
      action = "create";
      roles = created.roles;
    } else {
      const before = await w.people.getPerson(actor, matchId);
      const patch: UpdatePersonInput = {};
      if (foldText(before.givenName) !== foldText(input.givenName)) patch.givenName = input.givenName;
      if (foldText(before.familyName) !== foldText(input.familyName)) patch.familyName = input.familyName;
      if (given.has("title") && before.title !== input.title) patch.title = input.title;
      if (given.has("email") && before.email !== input.email) patch.email = input.email;
      if (given.has("phone") && before.phone !== input.phone) patch.phone = input.phone;
      if (given.has("languages") && !sameSet(before.languages, input.languages)) patch.languages = input.languages;
      if (organisationId && before.organisation?.id !== organisationId) patch.organisationId = organisationId;
      if (given.has("namedInPublic") && before.namedInPublic !== input.namedInPublic)
        patch.namedInPublic = input.namedInPublic;
      if (given.has("publicContact") && before.publicContact !== input.publicContact)
        patch.publicContact = input.publicContact;
      id = matchId;
      roles = before.roles;
      action = Object.keys(patch).length > 0 ? "update" : "unchanged";
      if (action === "update") await w.people.updatePerson(actor, id, patch);
    }
    if (v.role) {
      const role = v.role;
      const held = roles.some(
        (h) =>
          foldText(h.role) === foldText(role.role) &&
          (h.organisation?.id ?? null) === roleOrganisationId &&
          h.since === role.since,
      );
      if (!held) {
        await w.people.addRole(actor, id, { ...role, organisationId: roleOrganisationId });
        if (action === "unchanged") action = "update";
      }
    }
    return outcome(r.row, action, id, label);
  },
};
