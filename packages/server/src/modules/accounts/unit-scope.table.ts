/**
 * A unit an account is limited to: the account then reads and writes only the agreements and
 * activities that unit, or a unit under it, is responsible for. An account without rows is not limited.
 */
export interface UserUnitTable {
  user_id: string;
  organisation_id: string; // an organisation of kind "unit"
  created_at: string;
}

/** The units accounts are limited to, by table name. */
export interface UnitScopeTables {
  user_unit: UserUnitTable;
}
