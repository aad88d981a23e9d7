import { countryName, type LocalisedText, type ProgressReview, pickLocalised } from "@conventio/domain";
import PDFDocument from "pdfkit";
import {
  alignment,
  type FontWeight,
  fontName,
  layoutFeatures,
  registerFonts,
  type ScriptHint,
  splitIntoRuns,
} from "./review-fonts.js";
import { type ReviewLanguage, reviewWording } from "./review-wording.js";

/** A party as the PDF names it: its own name, its translations, where it is. */
export interface ReviewParty {
  name: string;
  names: ReadonlyArray<LocalisedText>;
  city: string | null;
  countryCode: string | null;
}

/** A piece of a paragraph, with the language its CJK characters are likely in when that is known. */
interface Piece {
  text: string;
  hint?: ScriptHint | undefined;
}

interface Style {
  size: number;
  weight?: FontWeight;
  color?: string;
  indent?: number;
}

const COUNTRY_SCRIPT: Record<string, ScriptHint> = {
  JP: "ja",
  CN: "zh",
  TW: "zh",
  HK: "zh",
  MO: "zh",
  SG: "zh",
  KR: "ko",
  KP: "ko",
};

/** A translation's language tag says most; else the partner's country tells how its name is written. */
function scriptHint(lang: string | null, countryCode: string | null): ScriptHint | undefined {
  const primary = lang?.toLowerCase().split("-")[0];
  if (primary === "ja" || primary === "zh" || primary === "ko") return primary;
  return countryCode ? COUNTRY_SCRIPT[countryCode] : undefined;
}

function partyPieces(parties: ReadonlyArray<ReviewParty>, lang: ReviewLanguage): Piece[] {
  return parties.flatMap((p, index) => {
    const shown = pickLocalised(p.name, null, p.names, lang);
    const hint = scriptHint(shown.lang, p.countryCode);
    const where = [p.city, p.countryCode ? countryName(p.countryCode, lang) : null].filter(Boolean).join(", ");
    return [
      ...(index > 0 ? [{ text: ", " }] : []),
      { text: shown.text, hint },
      ...(where ? [{ text: ` (${where})`, hint }] : []),
    ];
  });
}

/**
 * The review as a PDF in the reader's language: texts kept in several languages (the agreement's
 * title and summary, the partners' names) are shown in that language when a translation exists,
 * the document says which language it is in, and every script is drawn with a font that has it.
 */
export function renderReviewPdf(
  r: ProgressReview,
  parties: ReadonlyArray<ReviewParty>,
  lang: ReviewLanguage,
  /** The institution issuing the review, named at the top of the first page. */
  issuer = "Conventio",
): Promise<Buffer> {
  const w = reviewWording(lang);
  const { language } = r.agreement;
  const title = pickLocalised(r.agreement.title, language, r.agreement.titles, lang).text;
  const summary = r.agreement.summary
    ? pickLocalised(r.agreement.summary, language, r.agreement.summaries, lang)
    : null;
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: "A4",
      margin: 56,
      lang,
      displayTitle: true,
      info: {
        Title: `${w.title} — ${title}`,
        Subject: r.agreement.reference,
        Author: issuer,
        Creator: "Conventio",
        Producer: "Conventio",
      },
    });
    registerFonts(doc);
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);

    /** One paragraph, cut into runs of the fonts that have their glyphs, on one baseline. */
    const write = (content: string | Piece[], style: Style) => {
      const pieces = typeof content === "string" ? [{ text: content }] : content;
      const runs = pieces.flatMap((p) => splitIntoRuns(p.text, p.hint));
      const weight = style.weight ?? "regular";
      doc.fontSize(style.size).fillColor(style.color ?? "black");
      runs.forEach((run, i) => {
        doc.font(fontName(run.face, weight)).text(run.text, {
          ...alignment(run.face, style.size),
          features: layoutFeatures(run.text),
          indent: style.indent ?? 0,
          continued: i < runs.length - 1,
        });
      });
      // moveDown measures lines with the current font: leave the Latin face current.
      doc.font(fontName("latin", weight));
    };
    const heading = (text: string) => {
      doc.moveDown(0.8);
      write(text, { size: 13, weight: "bold", color: "#1c3d5a" });
      doc.moveDown(0.3);
    };
    const list = <T>(rows: ReadonlyArray<T>, empty: string, line: (row: T) => string) => {
      if (rows.length === 0) write(empty, { size: 10 });
      for (const row of rows) write(`•  ${line(row)}`, { size: 10, indent: 8 });
    };

    write(issuer, { size: 10, weight: "bold", color: "#555" });
    write(w.title, { size: 18, weight: "bold", color: "#1c3d5a" });
    write(`${r.agreement.reference} — ${title}`, { size: 12 });
    write(w.intro(r.on, r.since), { size: 10, color: "#555" });
    write([{ text: `${w.parties}${w.colon}` }, ...partyPieces(parties, lang), { text: "." }], {
      size: 10,
      color: "#555",
    });
    if (summary) {
      doc.moveDown(0.5);
      write([{ text: summary.text, hint: scriptHint(summary.lang, null) }], { size: 10 });
    }
    heading(w.objectives);
    list(r.agreement.objectives, w.noObjectives, (o) => o);
    heading(w.axes);
    list(
      r.agreement.axes,
      w.none,
      (a) =>
        `${a.title} (${w.axisKind[a.kind] ?? a.kind})${a.coordinators.length ? ` — ${a.coordinators.map((c) => c.name).join(", ")}` : ""}`,
    );
    heading(w.groups);
    list(
      r.bodies,
      w.none,
      (b) => `${b.name}${b.theme ? ` — ${b.theme}` : ""}${w.colon}${w.group(b.members.length, b.meetings.length)}`,
    );
    heading(w.activitiesSince(r.since));
    list(
      r.activities,
      w.noActivities,
      (a) => `${a.startsOn ?? ""} ${a.title} (${w.activityStatus[a.status] ?? a.status})`,
    );
    heading(w.indicators);
    list(r.indicators, w.noIndicators, (i) => {
      const latest = i.values.at(-1);
      const parts = [
        latest ? w.latest(latest.value, i.unit, latest.year) : w.noValue,
        ...(i.target != null ? [w.target(i.target, i.targetYear)] : []),
      ];
      return `${i.name}${w.colon}${parts.join(", ")}${i.progress != null ? ` (${w.progress(i.progress)})` : ""}`;
    });
    heading(w.openActions);
    list(
      r.openActions,
      w.none,
      (a) => `${a.title}${a.dueOn ? ` — ${w.due(a.dueOn)}` : ""}${a.owner ? ` — ${a.owner.name}` : ""}`,
    );
    heading(w.deadlines);
    list(
      r.deadlines,
      w.noDeadlines,
      (d) => `${d.on}${w.colon}${d.kind === "agreement_end" ? w.endOf(d.what) : d.what}`,
    );
    doc.end();
  });
}
