/** One of the installation's own institutions, as the Institutions, OUnits and Factsheet APIs serve it. */
export interface EwpInstitutionTable {
  hei_id: string;
  data: string; // JSON EwpInstitution
  updated_at: string;
}

/** The IIA of an Erasmus+ agreement: our copy, the partner's copy as received, and the approvals. */
export interface AgreementIiaTable {
  agreement_id: string;
  iia_id: string; // ours: immutable, never reused
  hei_id: string;
  partner_hei_id: string;
  partner_iia_id: string | null;
  data: string; // JSON Iia, we are the first partner
  iia_hash: string;
  valid_for_approval: number;
  modified_at: string; // when hashed content last changed
  partner_data: string | null; // JSON Iia as the partner serves it (the partner first)
  partner_hash: string | null;
  partner_valid_for_approval: number | null;
  partner_received_at: string | null;
  approved_by_us_hash: string | null; // the partner's version we approved
  approved_by_us_at: string | null;
  approved_by_partner_hash: string | null; // our version the partner approved
  approved_by_partner_at: string | null;
}

export interface AgreementIiaYearTable {
  agreement_id: string;
  academic_year: string;
}

/** A version approved by one side, kept as it was. */
export interface AgreementIiaVersionTable {
  id: string;
  agreement_id: string;
  side: "ours" | "theirs";
  iia_hash: string;
  data: string;
  approved_at: string;
  /** The partner's approval response as received, kept as proof (null for our own approvals). */
  proof: string | null;
}

/** An RSA key pair of the installation: `client` signs requests, `server` signs responses. */
export interface EwpKeyTable {
  purpose: "client" | "server";
  key_id: string;
  public_key: string; // PEM
  private_key: string; // PEM
  created_at: string;
}

/** A notification to send or a partner document to fetch, kept until it succeeds. */
export interface EwpOutboxTable {
  id: string;
  kind: "iia_cnr" | "iia_approval_cnr" | "fetch_iia" | "fetch_approval";
  hei_id: string; // ours
  partner_hei_id: string;
  iia_id: string; // ours for iia_cnr and fetch_approval, the partner's for the others
  agreement_id: string | null;
  status: "pending" | "running" | "done" | "failed" | "skipped";
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

/** One EWP call, made (`out`) or answered (`in`). */
export interface EwpCallTable {
  id: string;
  at: string;
  direction: "in" | "out";
  api: string;
  method: string;
  url: string;
  status: number | null;
  duration_ms: number;
  error: string | null;
  partner_hei_id: string | null;
  iia_id: string | null;
  agreement_id: string | null;
  outbox_id: string | null;
}

/** A request id accepted inside the signature window, so that a replay is refused. */
export interface EwpRequestSeenTable {
  request_id: string;
  key_id: string;
  seen_at: string;
}

export interface EwpPollTable {
  partner_hei_id: string;
  polled_at: string;
}
