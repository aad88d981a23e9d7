import type { CreateOrganisationInput, OrganisationKind } from "@conventio/domain";
import { CreatePersonInput, CreateOrganisationInput as CreateSchema, PersonRoleInput } from "@conventio/domain";
import { readBundledRegistry } from "#modules/registry/bundled-registry.js";
import type { IndexedCandidate } from "#modules/registry/registry.service.js";
import type { Services } from "../../services.js";
import { loadDemoAgreements } from "./demo-agreements.js";
import { loadDemoErasmus } from "./demo-erasmus.js";
import { loadDemoOutcomes } from "./demo-outcomes.js";
import { loadDemoPictures } from "./demo-pictures.js";
import { SYSTEM_ACTOR } from "./system-actor.js";

type DemoOrg = {
  key: string;
  kind: OrganisationKind;
  name: string;
  names?: Array<{ lang: string; value: string }>;
  acronym?: string;
  countryCode?: string;
  city?: string;
  lat?: number;
  lng?: number;
  website?: string;
  parent?: string;
  description?: string;
  identifiers?: Array<{ scheme: string; value: string }>;
  visibility?: "public" | "internal";
};

/** The partners named on the public pages of the Lille and Lorraine partnership offices. */
const ORGANISATIONS: DemoOrg[] = [
  {
    key: "lille",
    kind: "university",
    name: "Université de Lille",
    names: [{ lang: "en", value: "University of Lille" }],
    acronym: "ULille",
    countryCode: "FR",
    city: "Lille",
    lat: 50.63297,
    lng: 3.05858,
    website: "https://www.univ-lille.fr",
    visibility: "public",
    identifiers: [
      { scheme: "ror", value: "https://ror.org/02kzqn938" },
      { scheme: "erasmus", value: "F\u00a0 LILLE103" },
      { scheme: "pic", value: "888146648" },
      { scheme: "oid", value: "E10288225" },
      { scheme: "schac", value: "univ-lille.fr" },
    ],
  },
  {
    key: "mel",
    kind: "local_authority",
    name: "Métropole Européenne de Lille",
    names: [{ lang: "en", value: "European Metropolis of Lille" }],
    acronym: "MEL",
    countryCode: "FR",
    city: "Lille",
    lat: 50.6366,
    lng: 3.0635,
    website: "https://www.lillemetropole.fr",
    visibility: "public",
    description: "The metropolitan council of the Lille area.",
  },
  {
    key: "ghent",
    kind: "university",
    name: "Universiteit Gent",
    names: [{ lang: "en", value: "Ghent University" }],
    acronym: "UGent",
    countryCode: "BE",
    city: "Ghent",
    lat: 51.05,
    lng: 3.71667,
    website: "https://www.ugent.be",
    visibility: "public",
    identifiers: [
      { scheme: "ror", value: "https://ror.org/00cv9y106" },
      { scheme: "erasmus", value: "B  GENT01" },
      { scheme: "pic", value: "999986096" },
      { scheme: "schac", value: "ugent.be" },
    ],
  },
  {
    key: "leuven",
    kind: "university",
    name: "KU Leuven",
    countryCode: "BE",
    city: "Leuven",
    lat: 50.87959,
    lng: 4.70093,
    website: "https://www.kuleuven.be",
    visibility: "public",
    identifiers: [
      { scheme: "ror", value: "https://ror.org/05f950310" },
      { scheme: "erasmus", value: "B  LEUVEN01" },
      { scheme: "pic", value: "999991334" },
      { scheme: "schac", value: "kuleuven.be" },
    ],
  },
  {
    key: "kent",
    kind: "university",
    name: "University of Kent",
    countryCode: "GB",
    city: "Canterbury",
    lat: 51.2965,
    lng: 1.0648,
    website: "https://www.kent.ac.uk",
    visibility: "public",
    identifiers: [{ scheme: "ror", value: "https://ror.org/00xkeyj56" }],
  },
  {
    key: "3i",
    kind: "network",
    name: "3i University Network",
    acronym: "3i",
    visibility: "public",
    description:
      "Brings researchers, local authorities, socio-economic actors and civil society of Hauts-de-France, Flanders and Kent together on shared challenges; born of the I-SITE project.",
  },
  {
    key: "inclusu",
    kind: "network",
    name: "InclusU",
    visibility: "public",
    description:
      "A strategic alliance of seven European universities that puts inclusion at the heart of education, research and community engagement; an incubator for projects on vulnerability and inclusion.",
  },
  {
    key: "viadrina",
    kind: "university",
    name: "Europa-Universität Viadrina",
    names: [{ lang: "en", value: "European University Viadrina" }],
    countryCode: "DE",
    city: "Frankfurt (Oder)",
    lat: 52.3422,
    lng: 14.5543,
    website: "https://www.europa-uni.de",
    visibility: "public",
    identifiers: [{ scheme: "ror", value: "https://ror.org/02msan859" }],
  },
  {
    key: "eua",
    kind: "network",
    name: "European University Association",
    acronym: "EUA",
    countryCode: "BE",
    city: "Brussels",
    lat: 50.8503,
    lng: 4.3517,
    website: "https://www.eua.eu",
    visibility: "public",
    identifiers: [{ scheme: "ror", value: "https://ror.org/020yfz786" }],
  },
  {
    key: "auf",
    kind: "network",
    name: "Agence universitaire de la Francophonie",
    acronym: "AUF",
    website: "https://www.auf.org",
    visibility: "public",
    description: "The university agency of the French-speaking world.",
  },
  {
    key: "campusfrance",
    kind: "government",
    name: "Campus France",
    countryCode: "FR",
    city: "Paris",
    lat: 48.85341,
    lng: 2.3488,
    website: "https://www.campusfrance.org",
    visibility: "public",
    description: "Promotes French higher education abroad.",
    identifiers: [{ scheme: "ror", value: "https://ror.org/04wtce741" }],
  },
  {
    key: "sgroup",
    kind: "network",
    name: "SGroup European Universities' Network",
    acronym: "SGroup",
    visibility: "public",
    description: "A European network encouraging excellence in higher education in synergy with society's needs.",
  },
  {
    key: "isep",
    kind: "programme",
    name: "International Student Exchange Program",
    acronym: "ISEP",
    countryCode: "US",
    visibility: "public",
    description: "Exchange programme with universities in the United States.",
  },
  {
    key: "bci",
    kind: "programme",
    name: "Bureau de coopération interuniversitaire France-Québec",
    visibility: "public",
    description: "Student exchange programme between France and Québec.",
  },
  {
    key: "erasmus",
    kind: "programme",
    name: "Erasmus+",
    visibility: "public",
    description: "The European Union's programme for education, training, youth and sport.",
  },
  {
    key: "bh",
    kind: "unit",
    name: "Université de Lille office in Belo Horizonte",
    parent: "lille",
    countryCode: "BR",
    city: "Belo Horizonte",
    lat: -19.9167,
    lng: -43.9345,
    visibility: "public",
    description:
      "The first office abroad, opened in 2019 to support projects in Latin America and be a local contact point for partners.",
  },
  {
    key: "lorraine",
    kind: "university",
    name: "Université de Lorraine",
    names: [{ lang: "en", value: "University of Lorraine" }],
    countryCode: "FR",
    city: "Nancy",
    lat: 48.69137,
    lng: 6.18137,
    website: "https://www.univ-lorraine.fr",
    visibility: "public",
    identifiers: [
      { scheme: "ror", value: "https://ror.org/04vfs2w97" },
      { scheme: "erasmus", value: "F  NANCY43" },
      { scheme: "pic", value: "954831626" },
      { scheme: "oid", value: "E10147548" },
      { scheme: "schac", value: "univ-lorraine.fr" },
    ],
  },
  {
    key: "mines",
    kind: "unit",
    name: "Mines Nancy",
    parent: "lorraine",
    countryCode: "FR",
    city: "Nancy",
    website: "https://mines-nancy.univ-lorraine.fr",
    description: "Engineering school of the Université de Lorraine; the Kyutech partnership began here in 2003.",
  },
  {
    key: "cnrs",
    kind: "government",
    name: "Centre National de la Recherche Scientifique",
    acronym: "CNRS",
    countryCode: "FR",
    city: "Paris",
    lat: 48.85341,
    lng: 2.3488,
    website: "https://www.cnrs.fr",
    identifiers: [{ scheme: "ror", value: "https://ror.org/02feahw73" }],
  },
  {
    key: "inria",
    kind: "government",
    name: "Institut national de recherche en sciences et technologies du numérique",
    acronym: "Inria",
    countryCode: "FR",
    city: "Le Chesnay-Rocquencourt",
    website: "https://www.inria.fr",
  },
  {
    key: "ijl",
    kind: "unit",
    name: "Institut Jean Lamour",
    acronym: "IJL",
    parent: "lorraine",
    countryCode: "FR",
    city: "Nancy",
    description: "Materials science laboratory, run with the CNRS.",
  },
  {
    key: "loria",
    kind: "unit",
    name: "Laboratoire lorrain de recherche en informatique et ses applications",
    acronym: "Loria",
    parent: "lorraine",
    countryCode: "FR",
    city: "Nancy",
    description:
      "Computer science laboratory run by the Université de Lorraine, the CNRS and Inria: robotics, computational neuroscience.",
  },
  {
    key: "kyutech",
    kind: "university",
    name: "Kyushu Institute of Technology",
    names: [{ lang: "ja", value: "九州工業大学" }],
    acronym: "Kyutech",
    countryCode: "JP",
    city: "Kitakyushu",
    lat: 33.85181,
    lng: 130.85034,
    website: "https://www.kyutech.ac.jp",
    visibility: "public",
    identifiers: [{ scheme: "ror", value: "https://ror.org/02278tr80" }],
  },
];

const MEMBERSHIPS: Array<[network: string, member: string, since: string | null]> = [
  ["3i", "lille", null],
  ["3i", "ghent", null],
  ["3i", "leuven", null],
  ["3i", "kent", null],
  ["inclusu", "lille", null],
  ["inclusu", "viadrina", null],
  ["eua", "lille", null],
  ["auf", "lille", null],
  ["sgroup", "lille", "2020"],
  ["isep", "lille", null],
  ["bci", "lille", null],
  ["erasmus", "lille", null],
];

const PEOPLE: Array<{
  key: string;
  given: string;
  family: string;
  title: string;
  org: string;
  role: string;
  since?: string;
  /** Agreed to be named on public pages: the officers who sign and speak for their institution. */
  named?: boolean;
  /** Agreed that public pages show their e-mail and phone too. */
  contact?: boolean;
}> = [
  {
    key: "oussous",
    given: "Nour-Eddine",
    family: "Oussous",
    title: "Vice-president for territorial relations",
    org: "lille",
    role: "Vice-president for territorial relations",
    named: true,
    contact: true,
  },
  {
    key: "haesebroeck",
    given: "Bernard",
    family: "Haesebroeck",
    title: "First vice-president",
    org: "mel",
    role: "First vice-president",
    named: true,
  },
  {
    key: "tombre",
    given: "Karl",
    family: "Tombre",
    title: "Vice-president for international and European strategy",
    org: "lorraine",
    role: "Vice-president for international and European strategy",
    named: true,
  },
  {
    key: "kamiya",
    given: "Tohru",
    family: "Kamiya",
    title: "Vice-president for international relations",
    org: "kyutech",
    role: "Vice-president for international relations",
    since: "2022-04-01",
    named: true,
  },
  {
    key: "wakabayashi",
    given: "Toshiro",
    family: "Wakabayashi",
    title: "Director of international relations",
    org: "kyutech",
    role: "Director of international relations",
  },
  {
    key: "piquet",
    given: "Stéphanie",
    family: "Piquet",
    title: "Partnerships communication officer",
    org: "lille",
    role: "Partnerships communication officer",
  },
];

/** Countries of the few hundred real institutions added beside the named partners. */
const EXTRA_COUNTRIES = new Set(["FR", "BE", "DE", "SE", "JP", "BR", "CA", "GB", "ES", "IT", "NL", "FI"]);
const EXTRA_COUNT = 300;

/**
 * Loads the demo: the organisations and people of the seed pages, then a few hundred real
 * institutions from the bundled registry. Deterministic; does nothing if organisations exist.
 */
export async function loadDemoData(
  services: Services,
): Promise<{ organisations: number; people: number; agreements: number; activities: number } | null> {
  const { organisations, people, registry, deps } = services;
  const existing = await deps.db.selectFrom("organisation").select("id").limit(1).executeTakeFirst();
  if (existing) return null;
  const ids = new Map<string, string>();
  for (const o of ORGANISATIONS) {
    const input: CreateOrganisationInput = CreateSchema.parse({
      kind: o.kind,
      name: o.name,
      names: o.names ?? [],
      acronym: o.acronym ?? null,
      countryCode: o.countryCode ?? null,
      city: o.city ?? null,
      lat: o.lat ?? null,
      lng: o.lng ?? null,
      website: o.website ?? null,
      description: o.description ?? null,
      parentId: o.parent ? ids.get(o.parent) : null,
      visibility: o.visibility ?? "internal",
      identifiers: o.identifiers ?? [],
      confirmDuplicate: true,
    });
    const created = await organisations.createOrganisation(SYSTEM_ACTOR, input);
    ids.set(o.key, created.id);
  }
  const id = (key: string) => ids.get(key) ?? "";
  for (const [network, member, since] of MEMBERSHIPS) {
    await organisations.addMembership(SYSTEM_ACTOR, id(network), { memberId: id(member), since, until: null });
  }
  const personIds = new Map<string, string>();
  for (const p of PEOPLE) {
    const person = await people.createPerson(
      SYSTEM_ACTOR,
      CreatePersonInput.parse({
        givenName: p.given,
        familyName: p.family,
        title: p.title,
        organisationId: id(p.org),
        languages: [],
        namedInPublic: p.named ?? false,
        publicContact: p.contact ?? false,
      }),
    );
    personIds.set(p.key, person.id);
    await people.addRole(
      SYSTEM_ACTOR,
      person.id,
      PersonRoleInput.parse({ role: p.role, organisationId: id(p.org), since: p.since ?? null }),
    );
  }
  async function* extras(): AsyncGenerator<IndexedCandidate> {
    let n = 0;
    for await (const c of readBundledRegistry()) {
      if (n >= EXTRA_COUNT) return;
      if (!c.rorId || !c.countryCode || !EXTRA_COUNTRIES.has(c.countryCode)) continue;
      n++;
      yield c;
    }
  }
  const agreements = await loadDemoAgreements(services, id, (key) => personIds.get(key) ?? "");
  const activities = await loadDemoOutcomes(services, id, agreements);
  const erasmus = await loadDemoErasmus(services, id);
  await loadDemoPictures(services, agreements.ids.mel);
  const imported = await registry.importOrganisations(SYSTEM_ACTOR, extras());
  return {
    organisations: ORGANISATIONS.length + imported.inserted,
    people: PEOPLE.length,
    agreements: agreements.count + erasmus,
    activities,
  };
}
