import type { Generated } from "kysely";
import type { LoginThrottleTable, SessionTable, SetupTokenTable, UserTable } from "#modules/accounts/account.table.js";
import type { AccountSecurityTables } from "#modules/accounts/account-security.table.js";
import type { UnitScopeTables } from "#modules/accounts/unit-scope.table.js";
import type {
  ActivityPartnerTable,
  ActivityTable,
  IndicatorTable,
  IndicatorValueTable,
} from "#modules/activities/activity.table.js";
import type {
  AgreementAxisTable,
  AgreementCommitmentTable,
  AgreementEventTable,
  AgreementPartyTable,
  AgreementSignatoryTable,
  AgreementTable,
  AgreementThemeTable,
  ThemeTable,
} from "#modules/agreements/agreement.table.js";
import type { AuditEventTable } from "#modules/audit/audit.table.js";
import type { CircuitTables } from "#modules/circuits/circuit.table.js";
import type { DashboardFiguresTable } from "#modules/dashboard/dashboard-figures.js";
import type { DocumentTable } from "#modules/documents/document.table.js";
import type {
  AgreementIiaTable,
  AgreementIiaVersionTable,
  AgreementIiaYearTable,
  EwpCallTable,
  EwpInstitutionTable,
  EwpKeyTable,
  EwpOutboxTable,
  EwpPollTable,
  EwpRequestSeenTable,
} from "#modules/ewp/ewp.table.js";
import type {
  ActionItemTable,
  BodyMemberTable,
  GovernanceBodyTable,
  MeetingTable,
} from "#modules/governance/governance.table.js";
import type { ImportMappingTable } from "#modules/imports/import.table.js";
import type {
  MembershipTable,
  OrganisationIdentifierTable,
  OrganisationTable,
} from "#modules/organisations/organisation.table.js";
import type { PersonRoleTable, PersonTable } from "#modules/people/person.table.js";
import type { PictureTable } from "#modules/pictures/picture.table.js";
import type {
  EventAudienceTable,
  EventTable,
  NewsCommentTable,
  NewsPostTable,
  NewsTagTable,
} from "#modules/publication/publication.table.js";
import type { RegistryEntryTable } from "#modules/registry/registry.table.js";
import type { InboxMessageTable, MailOutboxTable, ReminderSentTable } from "#modules/reminders/reminder.table.js";
import type { ProgressReviewTable } from "#modules/reviews/review.table.js";
import type { SavedViewTables } from "#modules/saved-views/saved-view.table.js";
import type { SiteSettingsTables } from "#modules/site-settings/site-settings.table.js";
import type { SsoTables } from "#modules/sso/sso.table.js";
import type { TokenTables } from "#modules/tokens/token.table.js";
import type { StoredFileTable } from "#shared/file-store-database.js";

export interface SearchDocumentTable {
  id: Generated<number>;
  entity: string;
  entity_id: string;
  body: string;
}

/** Every table Kysely knows, by name. */
export interface DB
  extends TokenTables,
    SavedViewTables,
    SsoTables,
    CircuitTables,
    AccountSecurityTables,
    UnitScopeTables,
    SiteSettingsTables {
  progress_review: ProgressReviewTable;
  app_user: UserTable;
  user_session: SessionTable;
  login_throttle: LoginThrottleTable;
  setup_token: SetupTokenTable;
  audit_event: AuditEventTable;
  organisation: OrganisationTable;
  organisation_identifier: OrganisationIdentifierTable;
  membership: MembershipTable;
  person: PersonTable;
  person_role: PersonRoleTable;
  registry_entry: RegistryEntryTable;
  search_document: SearchDocumentTable;
  agreement: AgreementTable;
  agreement_party: AgreementPartyTable;
  agreement_theme: AgreementThemeTable;
  theme: ThemeTable;
  agreement_signatory: AgreementSignatoryTable;
  agreement_axis: AgreementAxisTable;
  agreement_commitment: AgreementCommitmentTable;
  agreement_event: AgreementEventTable;
  document: DocumentTable;
  picture: PictureTable;
  governance_body: GovernanceBodyTable;
  body_member: BodyMemberTable;
  meeting: MeetingTable;
  action_item: ActionItemTable;
  inbox_message: InboxMessageTable;
  reminder_sent: ReminderSentTable;
  mail_outbox: MailOutboxTable;
  activity: ActivityTable;
  activity_partner: ActivityPartnerTable;
  indicator: IndicatorTable;
  indicator_value: IndicatorValueTable;
  event: EventTable;
  event_audience: EventAudienceTable;
  news_post: NewsPostTable;
  news_tag: NewsTagTable;
  news_comment: NewsCommentTable;
  import_mapping: ImportMappingTable;
  ewp_institution: EwpInstitutionTable;
  agreement_iia: AgreementIiaTable;
  agreement_iia_year: AgreementIiaYearTable;
  agreement_iia_version: AgreementIiaVersionTable;
  ewp_key: EwpKeyTable;
  ewp_outbox: EwpOutboxTable;
  ewp_call: EwpCallTable;
  ewp_request_seen: EwpRequestSeenTable;
  ewp_poll: EwpPollTable;
  stored_file: StoredFileTable;
  dashboard_figures: DashboardFiguresTable;
}
