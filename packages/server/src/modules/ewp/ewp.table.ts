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
}
