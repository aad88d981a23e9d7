import type {
  ActionView,
  AssignableUser,
  ChangePasswordInput,
  CreateUserInput,
  InboxMessageView,
  InvitationAcceptance,
  InvitationInput,
  InvitationView,
  Page,
  PasswordResetCompletion,
  PasswordResetRequest,
  PreferencesInput,
  SessionEntry,
  SessionView,
  SetupInput,
  SignInInput,
  TotpCodeInput,
  TotpSetup,
  TotpStatus,
  UserRole,
  UserView,
} from "@conventio/domain";
import { get, id, patch, post, put, queryString, remove } from "./core";

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
  update: (userId: string, input: { name?: string; role?: UserRole; disabled?: boolean; units?: string[] }) =>
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

/** Passwords forgotten or changed, invitations, one's sessions and second factor. */
export const security = {
  changePassword: (input: ChangePasswordInput) => post<void>("/api/account/password", input),
  requestPasswordReset: (input: PasswordResetRequest) => post<object>("/api/auth/password-reset", input),
  completePasswordReset: (input: PasswordResetCompletion) => post<void>("/api/auth/password-reset/complete", input),
  acceptInvitation: (input: InvitationAcceptance) => post<UserView>("/api/auth/invitations/accept", input),
  sessions: () => get<SessionEntry[]>("/api/account/sessions"),
  endSession: (sessionId: string) => remove(`/api/account/sessions/${id(sessionId)}`),
  totpStatus: () => get<TotpStatus>("/api/account/totp"),
  setUpTotp: () => post<TotpSetup>("/api/account/totp/setup"),
  enableTotp: (input: TotpCodeInput) => post<void>("/api/account/totp/enable", input),
  disableTotp: (input: TotpCodeInput) => post<void>("/api/account/totp/disable", input),
};

export const invitations = {
  list: () => get<InvitationView[]>("/api/users/invitations"),
  create: (input: InvitationInput) => post<InvitationView>("/api/users/invitations", input),
};
