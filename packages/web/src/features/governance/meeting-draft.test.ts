import { MeetingInput, type MeetingView } from "@conventio/domain";
import { describe, expect, it } from "vitest";
import { meetingDraftOf, meetingInputOf } from "./meeting-draft";

const recorded: MeetingView = {
  id: "m1",
  bodyId: "b1",
  heldOn: "2017-06",
  place: "Lille",
  agenda: null,
  minutes: "Long minutes",
  decisions: ["Open a joint master", "Meet again in spring"],
  visibility: "public",
};

describe("meeting drafts", () => {
  it("gives back a recorded meeting unchanged, its date as written and its visibility", () => {
    const input = meetingInputOf(meetingDraftOf(recorded));
    expect(input).toEqual({
      heldOn: "2017-06",
      place: "Lille",
      agenda: null,
      minutes: "Long minutes",
      decisions: ["Open a joint master", "Meet again in spring"],
      visibility: "public",
    });
    expect(MeetingInput.parse(input).heldOn).toBe("2017-06");
  });

  it("reads one decision a line, leaves blank lines and blank texts out, and keeps a new meeting internal", () => {
    const draft = {
      ...meetingDraftOf(),
      heldOn: "2002",
      place: "  ",
      decisions: " Sign the MoU \n\n  \nHire a coordinator",
    };
    expect(meetingInputOf(draft)).toMatchObject({
      heldOn: "2002",
      place: null,
      decisions: ["Sign the MoU", "Hire a coordinator"],
      visibility: "internal",
    });
  });
});
