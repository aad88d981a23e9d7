import { ActivityInput, EventInput, IndicatorInput, NewsInput } from "@conventio/domain";
import type { Services } from "../../services.js";
import type { DemoAgreements } from "./demo-agreements.js";
import { SYSTEM_ACTOR } from "./system-actor.js";

type Ids = (key: string) => string;

/**
 * What the seed pages say the partnerships produced and published: the funding bids of the
 * 3i network and InclusU, the DIAL4U Erasmus+ project and the research networks; the office
 * in Belo Horizonte; the Kyutech delegation visit, scholarships, double degrees, joint theses
 * and the 20th anniversary; the July 2021 review and its news post.
 */
export async function loadDemoOutcomes(services: Services, org: Ids, a: DemoAgreements): Promise<number> {
  const { activities, events, news } = services;
  const activity = (input: Record<string, unknown>) =>
    activities.createActivity(SYSTEM_ACTOR, ActivityInput.parse(input));
  const list = [
    {
      kind: "funding_bid",
      title: "InclusU bid to the German government",
      status: "completed",
      agreementId: a.ids.inclusu,
      partnerIds: [org("viadrina")],
      funding: {
        funder: "German federal government",
        programme: "Call for European university alliances",
        outcome: "granted",
      },
    },
    {
      kind: "funding_bid",
      title: "InclusU bid to the Programme Investissements d'Avenir",
      status: "completed",
      agreementId: a.ids.inclusu,
      partnerIds: [org("lille")],
      funding: { funder: "French State", programme: "Programme Investissements d'Avenir", outcome: "granted" },
    },
    {
      kind: "research_project",
      title: "DIAL4U — digital inclusion",
      description: "Erasmus+ project on digital inclusion carried by InclusU partners.",
      status: "completed",
      agreementId: a.ids.inclusu,
      partnerIds: [org("viadrina"), org("erasmus")],
      // A grant obtained, recorded on the project itself rather than as a bid.
      funding: { funder: "European Commission", programme: "Erasmus+", outcome: "granted" },
    },
    {
      kind: "research_network",
      title: "Impact of the Covid-19 pandemic on vulnerable populations in Europe",
      status: "ongoing",
      agreementId: a.ids.inclusu,
      partnerIds: [org("viadrina")],
    },
    {
      kind: "research_network",
      title: "3i network: shared challenges of Hauts-de-France, Flanders and Kent",
      status: "ongoing",
      agreementId: a.ids["3i"],
      partnerIds: [org("ghent"), org("leuven"), org("kent")],
    },
    {
      kind: "office_abroad",
      title: "Université de Lille office in Belo Horizonte",
      startsOn: "2019-01-01",
      status: "completed",
      place: "Belo Horizonte",
      partnerIds: [org("bh")],
    },
    {
      kind: "seminar",
      title: "Progress review of the MEL convention working groups",
      startsOn: "2021-07-02",
      endsOn: "2021-07-02",
      status: "completed",
      agreementId: a.ids.mel,
      place: "Espace culture, campus Cité Scientifique",
      partnerIds: [org("mel")],
    },
    {
      kind: "delegation_visit",
      title: "Kyutech delegation visits the Université de Lorraine",
      startsOn: "2022-09-20",
      endsOn: "2022-09-21",
      status: "completed",
      agreementId: a.ids.kyutech,
      partnerIds: [org("kyutech")],
      place: "Nancy",
    },
    {
      kind: "signing_ceremony",
      title: "Signature of the framework agreement in Japan",
      startsOn: "2022-09-01",
      status: "completed",
      agreementId: a.ids.kyutech,
      partnerIds: [org("kyutech")],
    },
    {
      kind: "research_project",
      title: "Joint research in robotics and computational neuroscience",
      status: "ongoing",
      agreementId: a.ids.kyutech,
      partnerIds: [org("kyutech")],
      laboratories: ["Loria (Université de Lorraine, CNRS, Inria)"],
    },
    {
      kind: "research_project",
      title: "Materials research cooperation",
      startsOn: "2005-01-01",
      status: "ongoing",
      agreementId: a.ids.kyutech,
      partnerIds: [org("kyutech")],
      laboratories: ["Institut Jean Lamour"],
    },
    {
      kind: "scholarship",
      title: "Mobility scholarships for Kyutech exchange students",
      startsOn: "2022-09-01",
      status: "ongoing",
      agreementId: a.ids.kyutech,
      partnerIds: [org("kyutech")],
      mobility: { direction: "outgoing", level: "master", academicYear: "2022-2023", count: 3 },
    },
    {
      kind: "double_degree",
      title: "Double-degree students from Kyutech",
      startsOn: "2022-09-01",
      status: "ongoing",
      agreementId: a.ids.kyutech,
      partnerIds: [org("kyutech")],
    },
    {
      kind: "joint_supervision",
      title: "Joint thesis supervision (cotutelle) in computer science",
      startsOn: "2021-10-01",
      status: "ongoing",
      agreementId: a.ids.kyutech,
      partnerIds: [org("kyutech")],
    },
    {
      kind: "anniversary",
      title: "20 years of the Lorraine – Kyutech partnership",
      startsOn: "2023-09-20",
      status: "planned",
      agreementId: a.ids.kyutech,
      partnerIds: [org("kyutech")],
    },
  ];
  for (const input of list) await activity(input);
  // Exchange figures of the Kyutech partnership, by academic year.
  const flows: Array<[string, "incoming" | "outgoing", number]> = [
    ["2019-2020", "incoming", 4],
    ["2019-2020", "outgoing", 3],
    ["2020-2021", "incoming", 1],
    ["2020-2021", "outgoing", 1],
    ["2021-2022", "incoming", 3],
    ["2021-2022", "outgoing", 2],
    ["2022-2023", "incoming", 6],
    ["2022-2023", "outgoing", 4],
  ];
  for (const [year, direction, count] of flows) {
    await activity({
      kind: "student_mobility",
      title: `${direction === "incoming" ? "Kyutech students at Lorraine" : "Lorraine students at Kyutech"} ${year}`,
      status: "completed",
      agreementId: a.ids.kyutech,
      partnerIds: [org("kyutech")],
      mobility: { direction, level: "master", academicYear: year, count },
    });
  }
  const indicator = await activities.createIndicator(
    SYSTEM_ACTOR,
    IndicatorInput.parse({
      agreementId: a.ids.kyutech,
      name: "Exchange students per year",
      unit: "students",
      baseline: 7,
      baselineYear: 2019,
      target: 14,
      targetYear: 2027,
    }),
  );
  for (const [year, value] of [
    [2019, 7],
    [2020, 2],
    [2021, 5],
    [2022, 10],
  ] as const) {
    await activities.recordIndicatorValue(SYSTEM_ACTOR, indicator.id, { year, value });
  }

  await events.saveEvent(
    SYSTEM_ACTOR,
    null,
    EventInput.parse({
      title: "Progress review of the MEL – Université de Lille convention",
      startsAt: "2021-07-02T09:30:00+02:00",
      endsAt: "2021-07-02T13:00:00+02:00",
      timeZone: "Europe/Paris",
      place: "Espace culture, campus Cité Scientifique, Villeneuve-d'Ascq",
      agreementId: a.ids.mel,
      audiences: ["partners", "staff"],
      contactName: "Partnerships office, Université de Lille",
      contactEmail: "partenariats@example.org",
      contactPhone: "+33 3 20 00 00 00",
    }),
  );
  await events.saveEvent(
    SYSTEM_ACTOR,
    null,
    EventInput.parse({
      title: "20 years of the Lorraine – Kyutech partnership",
      startsAt: "2023-09-20T14:00:00+02:00",
      endsAt: "2023-09-20T19:00:00+02:00",
      timeZone: "Europe/Paris",
      place: "Nancy",
      agreementId: a.ids.kyutech,
      audiences: ["public", "students", "researchers", "partners", "alumni"],
      contactName: "International relations, Université de Lorraine",
      contactEmail: "international@example.org",
      contactPhone: "+33 3 72 74 00 00",
      registrationDeadline: "2023-09-13T23:59:00+02:00",
      registrationUrl: "https://events.example.org/lorraine-kyutech-20-years",
    }),
  );
  await events.saveEvent(
    SYSTEM_ACTOR,
    null,
    EventInput.parse({
      title: "Kyutech delegation in Lorraine",
      startsAt: "2022-09-20T09:00:00+02:00",
      endsAt: "2022-09-21T17:00:00+02:00",
      timeZone: "Europe/Paris",
      place: "Nancy",
      agreementId: a.ids.kyutech,
      audiences: ["partners", "researchers"],
      contactName: "International relations, Université de Lorraine",
      contactEmail: "international@example.org",
    }),
  );

  const post = (input: Record<string, unknown>) =>
    news.saveNews(SYSTEM_ACTOR, null, NewsInput.parse({ status: "published", ...input }));
  await post({
    lang: "fr",
    title: "Convention MEL/Université de Lille : des synergies utiles au territoire",
    summary: "Deux ans après la signature, un point d'étape réunit les groupes de travail de la convention.",
    body: "Deux ans après la signature de la convention entre la Métropole Européenne de Lille et l'université, les groupes de travail se sont retrouvés le 2 juillet 2021 à l'Espace culture du campus Cité Scientifique pour présenter leurs travaux, en présence des deux vice-présidents.\n\nAménagement des campus, entrepreneuriat étudiant, cartographie des soutiens et financements, lutte contre la précarité, accueil des talents internationaux, plan de mobilité douce : la rencontre a mis en évidence les apports de la convention et les dossiers à régler d'ici la fin de l'année.",
    translations: [
      {
        lang: "en",
        title: "MEL / University of Lille convention: synergies for the area",
        body: "Two years after the convention was signed, its working groups met on 2 July 2021 to present their work and list the files to settle by the end of the year.",
      },
    ],
    tags: ["convention", "partenariat", "MEL", "territoire"],
    category: "Partenariat",
    agreementId: a.ids.mel,
    publishedOn: "2021-07-12",
  });
  await post({
    lang: "fr",
    title: "Chaire TREND(S)",
    body: "Une chaire partenariale avec la Métropole.",
    tags: ["partenariat", "MEL"],
    category: "Partenariat",
    publishedOn: "2021-07-13",
  });
  await post({
    lang: "fr",
    title: "Nouvel espace à destination des étudiants sur le campus Moulins",
    body: "Un nouvel espace ouvre aux étudiants sur le campus Moulins.",
    tags: ["partenariat", "territoire"],
    category: "Partenariat",
    publishedOn: "2021-05-06",
  });
  await post({
    lang: "fr",
    title: "Tu cherches à financer ton projet ? Rejoins l'appel à projet Les Pépites de la MEL !",
    body: "L'appel à projets de la Métropole pour l'entrepreneuriat étudiant est ouvert.",
    tags: ["entrepreneuriat", "MEL"],
    category: "Entrepreneuriat",
    publishedOn: "2021-02-10",
    // Relayed from the Métropole, which runs the call.
    sourceOutlet: "Métropole Européenne de Lille",
    sourceUrl: "https://www.lillemetropole.fr/",
    sourcePublishedOn: "2021-02-08",
  });
  await post({
    lang: "fr",
    title: "Le partenariat avec Kyutech – Kyushu Institute of Technology est consolidé",
    body: "Échanges d'étudiants, doubles diplômes, projets de recherche conjoints : la signature d'un accord-cadre au Japon et la visite d'une délégation japonaise les 20 et 21 septembre consolident près de vingt ans de collaboration.",
    tags: ["international", "Japon", "partenariat"],
    category: "International",
    agreementId: a.ids.kyutech,
    publishedOn: "2022-09-22",
    // Relayed from the partner's own announcement of the signing in Japan.
    sourceOutlet: "Kyushu Institute of Technology",
    sourceUrl: "https://www.kyutech.ac.jp/",
    sourcePublishedOn: "2022-09-21",
  });
  return list.length + flows.length;
}
