import { Readable } from "node:stream";
import sharp from "sharp";
import type { Services } from "../../services.js";
import { SYSTEM_ACTOR } from "./system-actor.js";

/**
 * Demo "photos" drawn at seed time: nothing is downloaded and no image file is kept in the
 * repository, so each scene is a small SVG turned into a JPEG, as a camera would hand it over.
 */
const W = 1600;
const H = 1067;

const svg = (body: string, sky = "#dfe7ef") =>
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><rect width="${W}" height="${H}" fill="${sky}"/>${body}</svg>`,
  );

/** A seated or standing person: head, shoulders and body in the given clothes colour. */
const person = (x: number, y: number, scale: number, coat: string, skin = "#e0b48f", hair = "#3b2a20") => `
  <g transform="translate(${x} ${y}) scale(${scale})">
    <rect x="-48" y="40" width="96" height="170" rx="40" fill="${coat}"/>
    <rect x="-12" y="28" width="24" height="24" fill="${skin}"/>
    <circle cx="0" cy="0" r="34" fill="${skin}"/>
    <path d="M-34 -4 a34 34 0 0 1 68 0 q-10 -22 -34 -22 q-24 0 -34 22z" fill="${hair}"/>
  </g>`;

/** A flag on a pole, in three vertical or horizontal bands. */
const flag = (x: number, colours: [string, string, string], vertical = true) => {
  const bands = colours
    .map((c, i) =>
      vertical
        ? `<rect x="${x + 6 + i * 40}" y="190" width="40" height="150" fill="${c}"/>`
        : `<rect x="${x + 6}" y="${190 + i * 50}" width="120" height="50" fill="${c}"/>`,
    )
    .join("");
  return `<rect x="${x}" y="160" width="8" height="560" fill="#8a8f96"/>${bands}`;
};

/** The signing of the convention: two signatories at a dressed table, flags and a banner behind. */
function signingTable(): Buffer {
  return svg(
    `<rect y="0" width="${W}" height="640" fill="#f3efe6"/>
     <rect x="420" y="110" width="760" height="210" rx="12" fill="#1f4e79"/>
     <rect x="470" y="160" width="300" height="24" rx="6" fill="#ffffff" opacity="0.85"/>
     <rect x="470" y="205" width="520" height="18" rx="6" fill="#ffffff" opacity="0.6"/>
     <rect x="470" y="240" width="420" height="18" rx="6" fill="#ffffff" opacity="0.6"/>
     <circle cx="1080" cy="215" r="60" fill="#e2001a"/>
     ${flag(180, ["#002395", "#ffffff", "#ed2939"])}
     ${flag(1290, ["#003399", "#ffcc00", "#003399"], false)}
     <rect y="640" width="${W}" height="${H - 640}" fill="#b98b5e"/>
     ${person(560, 470, 1.3, "#2d3640")}
     ${person(1040, 470, 1.3, "#5a2d3c", "#c99a76", "#8c8c8c")}
     <rect x="230" y="600" width="1140" height="40" fill="#14365a"/>
     <rect x="230" y="640" width="1140" height="330" fill="#1f4e79"/>
     <rect x="420" y="590" width="260" height="20" fill="#ffffff" transform="rotate(-3 550 600)"/>
     <rect x="900" y="590" width="260" height="20" fill="#ffffff" transform="rotate(2 1030 600)"/>
     <rect x="600" y="575" width="90" height="8" rx="4" fill="#222222" transform="rotate(-25 645 579)"/>
     <rect x="1000" y="575" width="90" height="8" rx="4" fill="#c9a227" transform="rotate(20 1045 579)"/>
     <rect x="770" y="540" width="60" height="60" rx="6" fill="#5b8c3a"/>
     <circle cx="800" cy="520" r="40" fill="#7fb069"/>`,
  );
}

/** The Cité Scientifique campus at dusk: towers, the library's long front, trees and a lawn. */
function campusSkyline(): Buffer {
  const windows = (x: number, y: number, cols: number, rows: number) =>
    Array.from({ length: cols * rows }, (_, i) => {
      const lit = (i * 7) % 5 < 3;
      return `<rect x="${x + (i % cols) * 34}" y="${y + Math.floor(i / cols) * 42}" width="20" height="26" fill="${lit ? "#ffd77a" : "#3c4a5c"}"/>`;
    }).join("");
  const tree = (x: number, r: number) =>
    `<rect x="${x - 8}" y="${860 - r}" width="16" height="${r + 40}" fill="#5b4330"/><circle cx="${x}" cy="${840 - r}" r="${r}" fill="#3f7d3a"/>`;
  return svg(
    `<defs><linearGradient id="dusk" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#2b3f6b"/><stop offset="0.6" stop-color="#e59a6b"/><stop offset="1" stop-color="#f6d6a8"/></linearGradient></defs>
     <rect width="${W}" height="${H}" fill="url(#dusk)"/>
     <circle cx="1240" cy="300" r="70" fill="#fbe3b0" opacity="0.9"/>
     <rect x="140" y="300" width="230" height="600" fill="#44536a"/>${windows(160, 320, 6, 13)}
     <rect x="430" y="470" width="520" height="430" fill="#52627a"/>${windows(450, 490, 14, 9)}
     <rect x="1010" y="220" width="170" height="680" fill="#3a475c"/>${windows(1026, 240, 4, 15)}
     <rect x="1230" y="520" width="290" height="380" fill="#4d5c73"/>${windows(1248, 540, 8, 8)}
     <rect y="880" width="${W}" height="${H - 880}" fill="#5f9a4e"/>
     <path d="M0 1067 L700 900 L820 900 L1300 1067 Z" fill="#cfc6b8"/>
     ${tree(90, 70)}${tree(400, 55)}${tree(990, 60)}${tree(1560, 80)}`,
    "#2b3f6b",
  );
}

/** The 2021 progress review: a screen with the working groups' figures, and the audience from behind. */
function progressReview(): Buffer {
  const bars = [180, 260, 140, 320, 230, 290]
    .map(
      (h, i) =>
        `<rect x="${560 + i * 90}" y="${560 - h}" width="56" height="${h}" fill="${i % 2 ? "#e2001a" : "#1f4e79"}"/>`,
    )
    .join("");
  const heads = Array.from({ length: 18 }, (_, i) => {
    const row = Math.floor(i / 6);
    const x = 220 + (i % 6) * 230 + (row % 2) * 100;
    const y = 760 + row * 110;
    const hair = ["#3b2a20", "#c9a66b", "#1d1d1d", "#8c8c8c", "#6b3e26"][i % 5];
    const coat = ["#2d3640", "#4a6fa5", "#7a3b46", "#556b2f", "#444444"][i % 5];
    return `<rect x="${x - 70}" y="${y + 40}" width="140" height="160" rx="50" fill="${coat}"/><circle cx="${x}" cy="${y}" r="48" fill="${hair}"/>`;
  }).join("");
  return svg(
    `<rect width="${W}" height="700" fill="#e9e4da"/>
     <rect x="470" y="120" width="660" height="470" rx="8" fill="#ffffff" stroke="#30343a" stroke-width="10"/>
     <rect x="530" y="170" width="300" height="26" rx="6" fill="#1f4e79"/>
     <line x1="540" y1="560" x2="1090" y2="560" stroke="#30343a" stroke-width="4"/>${bars}
     ${person(1320, 380, 1.2, "#1f4e79")}
     <rect x="1230" y="560" width="180" height="160" fill="#7a5a3c"/>
     <rect y="700" width="${W}" height="${H - 700}" fill="#9a8f80"/>${heads}`,
  );
}

/** The working groups together on the steps of the Espace culture, a group photo. */
function groupPhoto(): Buffer {
  const people = Array.from({ length: 11 }, (_, i) => {
    const row = i < 6 ? 0 : 1;
    const x = row === 0 ? 250 + i * 220 : 360 + (i - 6) * 220;
    const coats = ["#2d3640", "#7a3b46", "#4a6fa5", "#556b2f", "#b5651d", "#444444"];
    const skins = ["#e0b48f", "#c99a76", "#8d5a3b", "#f1c9a5"];
    const hairs = ["#3b2a20", "#c9a66b", "#1d1d1d", "#8c8c8c"];
    return person(
      x,
      row === 0 ? 560 : 470,
      row === 0 ? 1.5 : 1.35,
      coats[i % coats.length] ?? "#444444",
      skins[i % skins.length],
      hairs[(i + row) % hairs.length],
    );
  });
  const back = people.slice(6).join("");
  const front = people.slice(0, 6).join("");
  return svg(
    `<rect width="${W}" height="520" fill="#b7c9d9"/>
     <rect x="120" y="120" width="1360" height="560" fill="#d9cbb3"/>
     <rect x="120" y="120" width="1360" height="60" fill="#a1865f"/>
     ${Array.from({ length: 8 }, (_, i) => `<rect x="${180 + i * 165}" y="230" width="90" height="190" fill="#6d8aa3"/>`).join("")}
     <rect y="680" width="${W}" height="60" fill="#c2bbb0"/><rect y="740" width="${W}" height="60" fill="#b3aca0"/>
     <rect y="800" width="${W}" height="${H - 800}" fill="#a39c90"/>
     ${back}${front}`,
  );
}

interface DemoPicture {
  owner: { kind: "agreement" | "event" | "news"; id: string };
  fileName: string;
  draw: () => Buffer;
  caption: Array<{ lang: string; value: string }>;
  alt: Array<{ lang: string; value: string }>;
  credit: string;
}

/** Pictures of the Lille – MEL convention, its 2021 progress review and the news post about it. */
export async function loadDemoPictures(services: Services, melAgreementId: string): Promise<number> {
  const { db } = services.deps;
  const event = await db
    .selectFrom("event")
    .select("id")
    .where("agreement_id", "=", melAgreementId)
    .orderBy("starts_at")
    .executeTakeFirst();
  const post = await db
    .selectFrom("news_post")
    .select("id")
    .where("agreement_id", "=", melAgreementId)
    .orderBy("published_on")
    .executeTakeFirst();
  const pictures: DemoPicture[] = [
    {
      owner: { kind: "agreement", id: melAgreementId },
      fileName: "signature-convention-MEL-ULille-2019.jpg",
      draw: signingTable,
      caption: [
        { lang: "en", value: "The convention is signed in Lille on 1 July 2019." },
        { lang: "fr", value: "Signature de la convention à Lille, le 1er juillet 2019." },
        { lang: "sv", value: "Avtalet undertecknas i Lille den 1 juli 2019." },
      ],
      alt: [
        {
          lang: "en",
          value:
            "Two signatories seated at a table dressed in blue sign documents, with the French and European flags and a banner behind them.",
        },
        {
          lang: "fr",
          value:
            "Deux signataires assis à une table nappée de bleu signent des documents, devant les drapeaux français et européen et une banderole.",
        },
        {
          lang: "sv",
          value:
            "Två personer sitter vid ett blått bord och skriver under dokument, framför den franska och den europeiska flaggan och en banderoll.",
        },
      ],
      credit: "Photo: Université de Lille / communication office",
    },
    {
      owner: { kind: "agreement", id: melAgreementId },
      fileName: "campus-cite-scientifique.jpg",
      draw: campusSkyline,
      caption: [
        {
          lang: "en",
          value: "The Cité Scientifique campus in Villeneuve-d'Ascq, one of the sites the convention covers.",
        },
        {
          lang: "fr",
          value: "Le campus Cité Scientifique à Villeneuve-d'Ascq, l'un des sites couverts par la convention.",
        },
        { lang: "sv", value: "Campus Cité Scientifique i Villeneuve-d'Ascq, ett av områdena som avtalet omfattar." },
      ],
      alt: [
        { lang: "en", value: "University buildings and towers with lit windows at dusk, trees and a lawn in front." },
        {
          lang: "fr",
          value:
            "Bâtiments et tours universitaires aux fenêtres éclairées au crépuscule, des arbres et une pelouse devant.",
        },
        {
          lang: "sv",
          value: "Universitetsbyggnader och höghus med tända fönster i skymningen, träd och en gräsmatta framför.",
        },
      ],
      credit: "Photo: Métropole Européenne de Lille / press office",
    },
  ];
  if (event) {
    pictures.push({
      owner: { kind: "event", id: event.id },
      fileName: "point-etape-2021-07-02.jpg",
      draw: progressReview,
      caption: [
        { lang: "en", value: "The working groups present their results at the Espace culture, 2 July 2021." },
        {
          lang: "fr",
          value: "Les groupes de travail présentent leurs résultats à l'Espace culture, le 2 juillet 2021.",
        },
        { lang: "sv", value: "Arbetsgrupperna presenterar sina resultat i Espace culture den 2 juli 2021." },
      ],
      alt: [
        { lang: "en", value: "A speaker beside a screen showing a bar chart, facing an audience seen from behind." },
        { lang: "fr", value: "Un intervenant à côté d'un écran affichant un histogramme, face à un public vu de dos." },
        { lang: "sv", value: "En talare bredvid en skärm med ett stapeldiagram, framför en publik sedd bakifrån." },
      ],
      credit: "Photo: Université de Lille / communication office",
    });
  }
  if (post) {
    pictures.push({
      owner: { kind: "news", id: post.id },
      fileName: "groupes-de-travail-convention-MEL.jpg",
      draw: groupPhoto,
      caption: [
        { lang: "en", value: "Members of the convention's working groups after the progress review." },
        { lang: "fr", value: "Les membres des groupes de travail de la convention après le point d'étape." },
        { lang: "sv", value: "Medlemmarna i avtalets arbetsgrupper efter lägesavstämningen." },
      ],
      alt: [
        {
          lang: "en",
          value: "Eleven people stand in two rows for a group photo in front of a building with tall windows.",
        },
        {
          lang: "fr",
          value:
            "Onze personnes posent sur deux rangs pour une photo de groupe devant un bâtiment aux hautes fenêtres.",
        },
        { lang: "sv", value: "Elva personer står i två rader för ett gruppfoto framför en byggnad med höga fönster." },
      ],
      credit: "Photo: Université de Lille / communication office",
    });
  }
  for (const p of pictures) {
    const jpeg = await sharp(p.draw()).jpeg({ quality: 85 }).toBuffer();
    const stored = await services.pictures.storePicture(
      SYSTEM_ACTOR,
      p.owner.kind,
      p.owner.id,
      p.fileName,
      Readable.from(jpeg),
    );
    await services.pictures.updatePicture(SYSTEM_ACTOR, stored.id, {
      caption: p.caption,
      alt: p.alt,
      credit: p.credit,
      public: true,
    });
  }
  return pictures.length;
}
