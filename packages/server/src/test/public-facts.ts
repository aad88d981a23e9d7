/**
 * Two partnerships of the kinds partnership offices publish, entered through the HTTP API as an
 * editor would, with what their public pages must then say in each language. The API suite and
 * the browser journeys both enter them and read every fact back.
 *
 * - A memorandum of understanding between two universities, signed by their presidents at a
 *   named place, with seven domains and commitments per party.
 * - A university–municipality collaboration with agreements since 2002, a collaboration group
 *   with student unions, areas with coordinators, public meetings, events with contacts and
 *   funded work.
 */

/** One HTTP call as an administrator (themes are kept by administrators); the adapter is app.inject in the API suite, fetch in the browser journeys. */
export type Call = (method: "GET" | "POST" | "PATCH" | "PUT", url: string, body?: unknown) => Promise<unknown>;

export type Lang = "en" | "fr" | "sv";
export const LANGS: readonly Lang[] = ["en", "fr", "sv"];
type PerLang = Record<Lang, string>;

export const MOU = {
  title: {
    fr: "Protocole d'accord entre l'Université de Lorraine et le Kyushu Institute of Technology",
    en: "Memorandum of understanding between the Université de Lorraine and the Kyushu Institute of Technology",
    sv: "Samförståndsavtal mellan Université de Lorraine och Kyushu Institute of Technology",
  } satisfies PerLang,
  summary: {
    fr: "Les deux universités s'engagent à coopérer en formation et en recherche dans sept domaines.",
    en: "The two universities commit to cooperating in education and research in seven domains.",
    sv: "De två universiteten åtar sig att samarbeta inom utbildning och forskning på sju områden.",
  } satisfies PerLang,
  signedOn: "2022-10-18",
  place: "Kitakyushu",
  signatories: [
    { name: "Hélène Martin", title: { fr: "Présidente", en: "President", sv: "Rektor" } satisfies PerLang },
    {
      name: "Kenji Tanaka",
      title: { fr: "Président", en: "President", sv: "Rektor" } satisfies PerLang,
    },
  ],
  /** The seven domains, as a managed vocabulary with French and Swedish labels. */
  domains: [
    { en: "Materials science", fr: "Science des matériaux", sv: "Materialvetenskap" },
    { en: "Robotics", fr: "Robotique", sv: "Robotik" },
    { en: "Artificial intelligence", fr: "Intelligence artificielle", sv: "Artificiell intelligens" },
    { en: "Space engineering", fr: "Ingénierie spatiale", sv: "Rymdteknik" },
    { en: "Energy", fr: "Énergie", sv: "Energi" },
    { en: "Biomedical engineering", fr: "Génie biomédical", sv: "Medicinsk teknik" },
    { en: "Environmental science", fr: "Sciences de l'environnement", sv: "Miljövetenskap" },
  ] satisfies PerLang[],
  fields: ["071", "053"],
  objectives: [
    "Exchange students and staff every year",
    "Supervise doctoral theses jointly",
    "Answer calls for joint research projects together",
  ],
  commitments: {
    lorraine: "Host up to five Kyutech students a year in its engineering schools",
    kyutech: "Open its space engineering laboratory to Lorraine doctoral candidates",
    all: "Hold a joint workshop every other year, in turn in Nancy and Kitakyushu",
  },
} as const;

export const LINKOPING = {
  university: { name: "Linköping University", sv: "Linköpings universitet", fr: "Université de Linköping" },
  municipality: { name: "Linköpings kommun", en: "Linköping Municipality", fr: "Commune de Linköping" },
  chain: [
    {
      title: {
        sv: "Samverkansavtal mellan Linköpings universitet och Linköpings kommun",
        en: "Collaboration agreement between Linköping University and Linköping Municipality",
        fr: "Accord de collaboration entre l'Université de Linköping et la commune de Linköping",
      } satisfies PerLang,
      signedOn: "2002",
      startsOn: "2002",
      endsOn: "2009",
    },
    {
      title: {
        sv: "Samverkansavtal 2010–2017",
        en: "Collaboration agreement 2010–2017",
        fr: "Accord de collaboration 2010–2017",
      } satisfies PerLang,
      signedOn: "2010-01",
      startsOn: "2010-01",
      endsOn: "2017-12",
    },
    {
      title: {
        sv: "Samverkansavtal för en attraktiv studentstad",
        en: "Collaboration agreement for an attractive student city",
        fr: "Accord de collaboration pour une ville étudiante attractive",
      } satisfies PerLang,
      signedOn: "2018-02-05",
      startsOn: "2018-02-05",
      endsOn: null,
    },
  ],
  signatory: {
    name: "Maria Holm",
    title: {
      sv: "Kommunstyrelsens ordförande",
      en: "Chair of the municipal executive board",
      fr: "Présidente du conseil municipal",
    } satisfies PerLang,
    place: "Linköping",
  },
  areas: [
    {
      title: "Attractive student city",
      open: { name: "Anna Lindqvist", email: "anna.lindqvist@liu.example", phone: "+46 13 28 10 00" },
      closed: { name: "Erik Johansson", email: "erik.johansson@linkoping.example" },
    },
    { title: "Innovation and growth" },
  ],
  group: "Samverkansgruppen Linköpings universitet – Linköpings kommun",
  unions: ["LinTek", "StuFF", "Consensus"],
  studentRep: { name: "Sara Berg", role: "Student representative, housing" },
  meeting: {
    heldOn: "2017-06",
    place: "Stadshuset, Linköping",
    decision: "Guarantee housing to every new student from 2018",
  },
  internalMeeting: { heldOn: "2019-03-12", decision: "Budget figures not yet public" },
  event: {
    title: "Welcome days for new students",
    startsAt: "2026-08-20T10:00:00+02:00",
    endsAt: "2026-08-21T16:00:00+02:00",
    contactName: "Anna Lindqvist",
    contactEmail: "welcome@liu.example",
    contactPhone: "+46 13 28 10 00",
    registrationUrl: "https://www.liu.example/welcome",
    registrationDeadline: "2026-08-10T23:59:00+02:00",
    audiences: ["public", "students"] as const,
  },
  funded: {
    title: "Student housing guarantee",
    funder: "Region Östergötland",
    programme: "Regional development fund",
    amount: 1_200_000,
    currency: "SEK",
    startsOn: "2019",
    endsOn: "2021",
  },
  bid: { title: "Bid for a student innovation hub", funder: "Vinnova" },
} as const;

export interface EnteredFacts {
  mou: string;
  lorraine: string;
  kyutech: string;
  liu: string;
  municipality: string;
  chain: [string, string, string];
  eventId: string;
}

async function id(p: Promise<unknown>): Promise<string> {
  const body = (await p) as { id?: string };
  if (!body?.id) throw new Error(`Expected a created record, got ${JSON.stringify(body)}`);
  return body.id;
}

const translations = (t: PerLang, original: Lang) =>
  LANGS.filter((l) => l !== original).map((lang) => ({ lang, value: t[lang] }));

/** Enters both partnerships through the API, as an editor would. */
export async function enterPublicFacts(call: Call): Promise<EnteredFacts> {
  const org = (body: Record<string, unknown>) =>
    id(call("POST", "/api/organisations", { visibility: "public", ...body }));
  const person = (body: Record<string, unknown>) => id(call("POST", "/api/people", body));

  // The memorandum of understanding.
  const lorraine = await org({ kind: "university", name: "Université de Lorraine", countryCode: "FR", city: "Nancy" });
  const kyutech = await org({
    kind: "university",
    name: "Kyushu Institute of Technology",
    acronym: "Kyutech",
    names: [{ lang: "ja", value: "九州工業大学" }],
    countryCode: "JP",
    city: "Kitakyushu",
  });
  for (const d of MOU.domains) {
    await call("POST", "/api/themes", {
      label: d.en,
      labels: [
        { lang: "fr", value: d.fr },
        { lang: "sv", value: d.sv },
      ],
    });
  }
  const [first, second] = MOU.signatories;
  const mou = await id(
    call("POST", "/api/agreements", {
      kind: "memorandum_of_understanding",
      title: MOU.title.fr,
      titles: translations(MOU.title, "fr"),
      language: "fr",
      summary: MOU.summary.fr,
      summaries: translations(MOU.summary, "fr"),
      signedOn: MOU.signedOn,
      startsOn: MOU.signedOn,
      endsOn: "2027-10-17",
      visibility: "public",
      internalFields: [],
      parties: [{ organisationId: lorraine }, { organisationId: kyutech }],
      signatories: [first, second].map((s, i) => ({
        name: s.name,
        title: s.title.fr,
        titles: translations(s.title, "fr"),
        organisationId: i === 0 ? lorraine : kyutech,
        signedOn: MOU.signedOn,
        place: MOU.place,
      })),
      themes: MOU.domains.map((d) => d.en),
      fields: MOU.fields,
      objectives: MOU.objectives,
      commitments: [
        {
          organisationId: lorraine,
          kind: "student_exchange",
          description: MOU.commitments.lorraine,
          levels: ["master"],
        },
        {
          organisationId: kyutech,
          kind: "joint_project",
          description: MOU.commitments.kyutech,
          levels: ["doctorate"],
        },
        { organisationId: null, kind: "other", description: MOU.commitments.all },
      ],
    }),
  );
  await call("POST", `/api/agreements/${mou}/transitions`, { action: "activate" });

  // The university–municipality collaboration since 2002.
  const L = LINKOPING;
  const liu = await org({
    kind: "university",
    name: L.university.name,
    names: [
      { lang: "en", value: L.university.name },
      { lang: "sv", value: L.university.sv },
      { lang: "fr", value: L.university.fr },
    ],
    countryCode: "SE",
    city: "Linköping",
  });
  const municipality = await org({
    kind: "local_authority",
    name: L.municipality.name,
    names: [
      { lang: "sv", value: L.municipality.name },
      { lang: "en", value: L.municipality.en },
      { lang: "fr", value: L.municipality.fr },
    ],
    countryCode: "SE",
    city: "Linköping",
  });
  const unions: string[] = [];
  for (const name of L.unions)
    unions.push(await org({ kind: "student_union", name, countryCode: "SE", city: "Linköping" }));
  const parties = [{ organisationId: liu }, { organisationId: municipality }];
  const chain: string[] = [];
  for (const [i, a] of L.chain.entries()) {
    const current = i === L.chain.length - 1;
    chain.push(
      await id(
        call("POST", "/api/agreements/past", {
          kind: "partnership_convention",
          title: a.title.sv,
          titles: translations(a.title, "sv"),
          language: "sv",
          signedOn: a.signedOn,
          startsOn: a.startsOn,
          endsOn: a.endsOn,
          visibility: "public",
          internalFields: [],
          parties,
          status: current ? "active" : "renewed",
          predecessorId: chain[i - 1] ?? null,
          ...(current
            ? {
                signatories: [
                  {
                    name: L.signatory.name,
                    title: L.signatory.title.sv,
                    titles: translations(L.signatory.title, "sv"),
                    organisationId: municipality,
                    signedOn: a.signedOn,
                    place: L.signatory.place,
                  },
                ],
              }
            : {}),
        }),
      ),
    );
  }
  const current = chain[2] as string;
  const open = L.areas[0].open;
  const anna = await person({
    givenName: "Anna",
    familyName: "Lindqvist",
    title: "Coordinator for student affairs",
    organisationId: liu,
    email: open.email,
    phone: open.phone,
    publicContact: true,
  });
  const erik = await person({
    givenName: "Erik",
    familyName: "Johansson",
    organisationId: municipality,
    email: L.areas[0].closed.email,
    namedInPublic: true,
  });
  const sara = await person({ givenName: "Sara", familyName: "Berg", organisationId: unions[0], namedInPublic: true });
  await call("PATCH", `/api/agreements/${current}`, {
    axes: [
      { kind: "area", title: L.areas[0].title, coordinatorIds: [anna, erik] },
      { kind: "area", title: L.areas[1].title },
    ],
  });
  const group = await id(call("POST", "/api/bodies", { agreementId: current, kind: "working_group", name: L.group }));
  await call("POST", `/api/bodies/${group}/members`, { personId: anna, organisationId: liu, role: "Chair" });
  await call("POST", `/api/bodies/${group}/members`, {
    personId: sara,
    organisationId: unions[0],
    role: L.studentRep.role,
    studentRepresentative: true,
  });
  await call("POST", `/api/bodies/${group}/members`, {
    organisationId: unions[1],
    role: "Member",
    studentRepresentative: true,
  });
  await call("POST", `/api/bodies/${group}/meetings`, {
    heldOn: L.meeting.heldOn,
    place: L.meeting.place,
    agenda: "Housing for new students",
    minutes: "Internal minutes of the June meeting",
    decisions: [L.meeting.decision],
    visibility: "public",
  });
  await call("POST", `/api/bodies/${group}/meetings`, {
    heldOn: L.internalMeeting.heldOn,
    decisions: [L.internalMeeting.decision],
  });
  const eventId = await id(
    call("POST", "/api/events", {
      title: L.event.title,
      startsAt: L.event.startsAt,
      endsAt: L.event.endsAt,
      timeZone: "Europe/Stockholm",
      place: "Campus Valla, Linköping",
      contactName: L.event.contactName,
      contactEmail: L.event.contactEmail,
      contactPhone: L.event.contactPhone,
      registrationUrl: L.event.registrationUrl,
      registrationDeadline: L.event.registrationDeadline,
      audiences: L.event.audiences,
      agreementId: current,
    }),
  );
  await call("POST", "/api/activities", {
    kind: "territorial_project",
    title: L.funded.title,
    status: "completed",
    startsOn: L.funded.startsOn,
    endsOn: L.funded.endsOn,
    agreementId: current,
    partnerIds: [municipality],
    funding: {
      funder: L.funded.funder,
      programme: L.funded.programme,
      amountGranted: L.funded.amount,
      currency: L.funded.currency,
      outcome: "granted",
      startsOn: L.funded.startsOn,
      endsOn: L.funded.endsOn,
    },
  });
  await call("POST", "/api/activities", {
    kind: "funding_bid",
    title: L.bid.title,
    agreementId: current,
    funding: { funder: L.bid.funder, amountAsked: 300_000, currency: "SEK" },
  });
  return { mou, lorraine, kyutech, liu, municipality, chain: chain as [string, string, string], eventId };
}
