import { CreateAgreementInput, RecordPastAgreementInput, type TransitionInput } from "@conventio/domain";
import type { Services } from "../../services.js";
import { SYSTEM_ACTOR } from "./system-actor.js";

type Ids = (key: string) => string;

/**
 * The agreements and governance the seed pages describe: the 2019 convention between the
 * Université de Lille and the Métropole Européenne de Lille with its axes, working groups and
 * the July 2021 progress review; the Lorraine–Kyutech relationship since 2003 up to the 2022
 * framework agreement; the 3i network and InclusU as consortium charters; network memberships.
 */
export interface DemoAgreements {
  count: number;
  ids: Record<"mel" | "kyutech" | "3i" | "inclusu", string>;
  reviewMeeting: string;
}

export async function loadDemoAgreements(services: Services, org: Ids, person: Ids): Promise<DemoAgreements> {
  const { agreements, governance } = services;
  let count = 0;
  const create = async (input: Record<string, unknown>) => {
    count++;
    return agreements.createAgreement(SYSTEM_ACTOR, CreateAgreementInput.parse(input));
  };
  const move = (id: string, action: TransitionInput["action"], extra: Partial<TransitionInput> = {}) =>
    agreements.transitionAgreement(SYSTEM_ACTOR, id, { action, on: null, reason: null, note: null, ...extra });

  // The MEL – Université de Lille convention (2019) and its governance.
  const mel = await create({
    kind: "partnership_convention",
    reference: "MEL-ULILLE-2019",
    title: "Convention entre la Métropole Européenne de Lille et l'Université de Lille",
    // The seed page says only "initiated in 2019": the dates are kept to the year.
    titles: [
      { lang: "en", value: "Convention between the European Metropolis of Lille and the University of Lille" },
      { lang: "sv", value: "Avtal mellan Métropole Européenne de Lille och Université de Lille" },
    ],
    language: "fr",
    summary:
      "Construire ensemble une stratégie convergente pour que l'enseignement supérieur et la recherche rendent la métropole lilloise plus attractive et mieux connue.",
    summaries: [
      {
        lang: "en",
        value:
          "Co-building a convergent strategy so that higher education and research make the Lille metropolitan area more attractive and better known.",
      },
    ],
    signedOn: "2019",
    startsOn: "2019",
    visibility: "public",
    internalFields: [],
    parties: [
      { organisationId: org("lille"), role: "partner" },
      { organisationId: org("mel"), role: "partner" },
    ],
    signatories: [
      {
        personId: person("oussous"),
        name: "Nour-Eddine Oussous",
        title: "Vice-président Relations territoriales",
        titles: [
          { lang: "en", value: "Vice-president for territorial relations" },
          { lang: "sv", value: "Prorektor för regionala relationer" },
        ],
        organisationId: org("lille"),
        signedOn: "2019",
        place: "Lille",
      },
      {
        personId: person("haesebroeck"),
        name: "Bernard Haesebroeck",
        title: "1er vice-président",
        titles: [
          { lang: "en", value: "First vice-president" },
          { lang: "sv", value: "Förste vice ordförande" },
        ],
        organisationId: org("mel"),
        signedOn: "2019",
        place: "Lille",
      },
    ],
    themes: ["convention", "partenariat", "MEL", "territoire"],
    objectives: [
      "Strengthen the performance of higher education and research and make it a lever of the metropolitan area's attractiveness and reach",
      "Develop synergies between the academic and economic worlds and public authorities",
      "Make the actions run in partnership easier to read",
      "Coordinate the means committed by pooling and optimising resources",
    ],
    axes: [
      {
        kind: "operational",
        title: "Research and innovation development strategy",
        coordinatorIds: [person("oussous")],
      },
      { kind: "operational", title: "Shared policy for planning and modernising the campuses" },
      { kind: "operational", title: "Stronger attractiveness and international reach" },
      { kind: "transversal", title: "Strengthen shared knowledge and cooperation" },
    ],
  });
  await move(mel.id, "activate");
  const steering = await governance.createBody(SYSTEM_ACTOR, {
    agreementId: mel.id,
    kind: "steering",
    name: "Comité de pilotage MEL – Université de Lille",
    theme: null,
  });
  await governance.addMember(SYSTEM_ACTOR, steering.id, {
    personId: person("oussous"),
    organisationId: org("lille"),
    role: "Vice-president for territorial relations",
    startsOn: null,
    endsOn: null,
    studentRepresentative: false,
  });
  await governance.addMember(SYSTEM_ACTOR, steering.id, {
    personId: person("haesebroeck"),
    organisationId: org("mel"),
    role: "First vice-president",
    startsOn: null,
    endsOn: null,
    studentRepresentative: false,
  });
  const groups = [
    ["Aménagement des campus", "Campus planning"],
    ["Entrepreneuriat étudiant", "Student entrepreneurship"],
    ["Cartographie des soutiens et financements", "Mapping support and funding"],
    ["Lutte contre la précarité", "Fighting student poverty"],
    ["Accueil des talents internationaux", "Welcoming international talent and cooperation with several countries"],
    ["Plan de mobilité douce", "Soft mobility plan"],
  ] as const;
  for (const [name, theme] of groups) {
    await governance.createBody(SYSTEM_ACTOR, { agreementId: mel.id, kind: "working_group", name, theme });
  }
  const review = await governance.recordMeeting(SYSTEM_ACTOR, steering.id, {
    heldOn: "2021-07-02",
    place: "Espace culture, campus Cité Scientifique, Villeneuve-d'Ascq",
    agenda: "Progress review two years after the signature: each working group presents its work to the others.",
    minutes:
      "The working groups presented their work in a cooperative format, in the presence of both vice-presidents. The seminar strengthened the links between the two institutions and confirmed that the collaboration is useful to the area and its people.",
    decisions: ["Settle the open files by the end of the year", "Keep the cooperative format for the next review"],
    visibility: "public",
  });
  // That meeting was the convention's progress review: the next one starts from it.
  await services.reviews.record(SYSTEM_ACTOR, mel.id, "2021-07-02");
  for (const title of [
    "Campus planning: settle the open files",
    "Student entrepreneurship: settle the open files",
    "Soft mobility plan: settle the open files",
  ]) {
    await governance.createAction(SYSTEM_ACTOR, {
      title,
      agreementId: mel.id,
      meetingId: review.id,
      ownerId: null,
      dueOn: "2021-12-31",
    });
  }

  // Lorraine – Kyutech: from Mines Nancy in 2003 to the 2022 framework agreement.
  const kyutechCommitments = [
    {
      kind: "student_exchange",
      description: "Exchange students all year round, mainly for double degrees and research internships",
      levels: ["master", "doctorate"],
    },
    { kind: "double_degree", description: "Develop double-degree programmes", levels: ["master"] },
    { kind: "staff_programme", description: "Exchange staff", levels: ["staff"] },
    {
      kind: "joint_project",
      description:
        "Support joint research projects, notably in computer science and computational neuroscience, and open to materials and biomolecules",
      levels: ["doctorate", "postdoc"],
    },
    {
      kind: "other",
      description: "Promote joint thesis supervision (cotutelle) and award mobility scholarships",
      levels: ["doctorate"],
    },
  ];
  // The history before the framework agreement is known from the partners' pages only to the
  // month, and its signatories are not named: it is recorded as it stands, not replayed.
  const chain: Array<{ parties: string[]; from: string; to: string; title: string; fr: string }> = [
    {
      parties: ["mines", "kyutech"],
      from: "2003-09",
      to: "2007-08",
      title: "Student exchange agreement Mines Nancy – Kyushu Institute of Technology",
      fr: "Accord d'échange d'étudiants Mines Nancy – Kyushu Institute of Technology",
    },
    {
      parties: ["mines", "kyutech"],
      from: "2007-09",
      to: "2012-08",
      title: "Student exchange agreement Mines Nancy – Kyushu Institute of Technology",
      fr: "Accord d'échange d'étudiants Mines Nancy – Kyushu Institute of Technology",
    },
    {
      parties: ["lorraine", "kyutech"],
      from: "2012-09",
      to: "2017-08",
      title: "Exchange agreement Université de Lorraine – Kyushu Institute of Technology",
      fr: "Accord d'échange Université de Lorraine – Kyushu Institute of Technology",
    },
    {
      parties: ["lorraine", "kyutech"],
      from: "2017-09",
      to: "2022-08",
      title: "Exchange agreement Université de Lorraine – Kyushu Institute of Technology",
      fr: "Accord d'échange Université de Lorraine – Kyushu Institute of Technology",
    },
  ];
  const recordPast = async (input: Record<string, unknown>) => {
    count++;
    return agreements.recordPastAgreement(SYSTEM_ACTOR, RecordPastAgreementInput.parse(input));
  };
  let previous: string | null = null;
  for (const c of chain) {
    const created = await recordPast({
      kind: "bilateral_exchange",
      title: c.title,
      titles: [{ lang: "fr", value: c.fr }],
      language: "en",
      signedOn: c.from,
      startsOn: c.from,
      endsOn: c.to,
      status: "renewed",
      predecessorId: previous,
      parties: c.parties.map((p) => ({ organisationId: org(p), role: "partner" })),
      fields: ["07", "061"],
      themes: ["Engineering", "Japan"],
      // The history is told on the public page, so its agreements and the chain are public too.
      visibility: "public",
      internalFields: [],
    });
    previous = created.id;
  }
  // Signed in Japan in September 2022; the page names the vice-presidents, not the signatories.
  const framework = await recordPast({
    kind: "framework_agreement",
    reference: "UL-KYUTECH-2022",
    title: "Accord-cadre Université de Lorraine – Kyushu Institute of Technology",
    titles: [
      { lang: "en", value: "Framework agreement Université de Lorraine – Kyushu Institute of Technology" },
      { lang: "sv", value: "Ramavtal Université de Lorraine – Kyushu Institute of Technology" },
    ],
    language: "fr",
    summary:
      "Consolide près de vingt ans de collaboration en formation, notamment avec les écoles d'ingénieurs, et en recherche avec l'Institut Jean Lamour (matériaux) et le Loria (robotique, neurosciences computationnelles), et vise plus loin par le financement de projets de recherche communs.",
    summaries: [
      {
        lang: "en",
        value:
          "Consolidates nearly twenty years of collaboration in education, especially with the engineering schools, and in research with the Institut Jean Lamour (materials) and Loria (robotics, computational neuroscience), and aims further through funding for joint research projects.",
      },
    ],
    signedOn: "2022-09",
    startsOn: "2022-09",
    endsOn: "2027-08",
    status: "active",
    predecessorId: previous,
    visibility: "public",
    internalFields: [],
    parties: [
      { organisationId: org("lorraine"), role: "partner", responsibleUnitId: org("mines") },
      { organisationId: org("kyutech"), role: "partner" },
    ],
    themes: ["Engineering", "Japan", "Materials", "Robotics", "Computational neuroscience"],
    fields: ["07", "061", "053"],
    objectives: [
      "Give researchers and students the opportunity of training and research at international level",
      "Fund joint research projects",
    ],
    commitments: kyutechCommitments,
  });
  await governance
    .createBody(SYSTEM_ACTOR, {
      agreementId: framework.id,
      kind: "steering",
      name: "Lorraine – Kyutech steering group",
      theme: null,
    })
    .then((b) =>
      governance
        .addMember(SYSTEM_ACTOR, b.id, {
          personId: person("tombre"),
          organisationId: org("lorraine"),
          role: "Vice-president for international and European strategy",
          startsOn: null,
          endsOn: null,
          studentRepresentative: false,
        })
        .then(() =>
          governance.addMember(SYSTEM_ACTOR, b.id, {
            personId: person("kamiya"),
            organisationId: org("kyutech"),
            role: "Vice-president for international relations",
            startsOn: "2022-04-01",
            endsOn: null,
            studentRepresentative: false,
          }),
        ),
    );
  const specific = await create({
    kind: "double_degree",
    title: "Double degree in materials science, Université de Lorraine – Kyutech",
    frameworkId: framework.id,
    startsOn: "2023-09-01",
    parties: [{ organisationId: org("lorraine"), responsibleUnitId: org("ijl") }, { organisationId: org("kyutech") }],
    fields: ["053"],
    themes: ["Materials"],
  });
  await move(specific.id, "start_negotiation");

  // Consortia and alliances.
  const charters: Record<string, string> = {};
  for (const [network, title, members] of [
    ["3i", "3i University Network charter", ["lille", "ghent", "leuven", "kent"]],
    ["inclusu", "InclusU alliance charter", ["lille", "viadrina"]],
  ] as const) {
    // In force, but who signed them and when is not on the partners' pages: recorded as they stand.
    const a = await recordPast({
      kind: "consortium_charter",
      title,
      signedOn: "2020",
      startsOn: "2020",
      status: "active",
      visibility: "public",
      parties: members.map((m, i) => ({ organisationId: org(m), role: i === 0 ? "coordinator" : "member" })),
      themes: network === "inclusu" ? ["Inclusion", "Vulnerability"] : ["Territory", "Cross-border cooperation"],
    });
    charters[network] = a.id;
  }
  await recordPast({
    kind: "network_membership",
    title: "Membership of the SGroup European Universities' Network",
    signedOn: "2020",
    startsOn: "2020",
    status: "active",
    parties: [
      { organisationId: org("sgroup"), role: "coordinator" },
      { organisationId: org("lille"), role: "member" },
    ],
  });
  return {
    count,
    ids: { mel: mel.id, kyutech: framework.id, "3i": charters["3i"] ?? "", inclusu: charters.inclusu ?? "" },
    reviewMeeting: review.id,
  };
}
