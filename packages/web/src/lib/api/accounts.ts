import type {
  ActionView,
  AssignableUser,
  CreateUserInput,
  InboxMessageView,
  Page,
  PreferencesInput,
  SessionView,
  SetupInput,
  SignInInput,
  UserRole,
  UserView,
} from "@conventio/domain";
import { get, id, patch, post, put, queryString } from "./core";

/** Signing in and out, and the first administrator. */
export const session = {
  session: () => get<SessionView>("/api/auth/session"),
  signIn: (input: SignInInput) => post<SessionView>("/api/auth/sign-in", input),
  signOut: () => post<void>("/api/auth/sign-out"),
  completeSetup: (input: SetupInput) => post<UserView>("/api/setup", input),
};

export const users = {
  list: () => get<{ items: UserView[] }>("/api/users"),
  assignable: () => get<{ items: AssignableUser[] }>("/api/users/assignable"),
  create: (input: CreateUserInput) => post<UserView>("/api/users", input),
  update: (userId: string, input: { name?: string; role?: UserRole; disabled?: boolean }) =>
    patch<UserView>(`/api/users/${id(userId)}`, input),
};

/** What the signed-in person has to do, reads and prefers. */
export const me = {
  actions: () => get<{ items: ActionView[] }>("/api/me/actions"),
  inbox: (cursor?: string) =>
    get<Page<InboxMessageView> & { unread: number }>(`/api/me/inbox${queryString({ cursor, limit: 50 })}`),
  markRead: (messageId: string) => post<void>(`/api/me/inbox/${id(messageId)}/read`),
  setPreferences: (input: PreferencesInput) => put<UserView>("/api/me/preferences", input),
};
