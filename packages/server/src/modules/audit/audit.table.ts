export interface AuditEventTable {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  changes: string; // JSON: { field: [before, after] } or a snapshot
}
