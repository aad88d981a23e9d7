import type { MeetingView } from "@conventio/domain";

/** A meeting form's state, text as typed; decisions one per line. */
export interface MeetingDraft {
  heldOn: string;
  place: string;
  agenda: string;
  minutes: string;
  decisions: string;
  public: boolean;
}

export function meetingDraftOf(m?: MeetingView): MeetingDraft {
  return {
    heldOn: m?.heldOn ?? "",
    place: m?.place ?? "",
    agenda: m?.agenda ?? "",
    minutes: m?.minutes ?? "",
    decisions: (m?.decisions ?? []).join("\n"),
    public: m?.visibility === "public",
  };
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

/** The draft as the API takes it; the domain schema then checks it. */
export function meetingInputOf(d: MeetingDraft) {
  return {
    heldOn: d.heldOn,
    place: orNull(d.place),
    agenda: orNull(d.agenda),
    minutes: orNull(d.minutes),
    decisions: d.decisions
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
    visibility: d.public ? ("public" as const) : ("internal" as const),
  };
}
