import type {
  ActionView,
  CreateActionInput,
  CreateBodyInput,
  MeetingInput,
  MeetingView,
  MemberInput,
  UpdateActionInput,
} from "@conventio/domain";
import { id, patch, post, remove } from "./core";

export const governance = {
  createBody: (input: CreateBodyInput) => post<{ id: string }>("/api/bodies", input),
  addMember: (bodyId: string, input: MemberInput) => post<{ id: string }>(`/api/bodies/${id(bodyId)}/members`, input),
  removeMember: (bodyId: string, memberId: string) => remove(`/api/bodies/${id(bodyId)}/members/${id(memberId)}`),
  recordMeeting: (bodyId: string, input: MeetingInput) =>
    post<MeetingView>(`/api/bodies/${id(bodyId)}/meetings`, input),
  updateMeeting: (meetingId: string, input: MeetingInput) =>
    patch<MeetingView>(`/api/meetings/${id(meetingId)}`, input),
  createAction: (input: CreateActionInput) => post<ActionView>("/api/actions", input),
  updateAction: (actionId: string, input: UpdateActionInput) =>
    patch<ActionView>(`/api/actions/${id(actionId)}`, input),
};
