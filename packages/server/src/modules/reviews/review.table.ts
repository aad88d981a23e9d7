export interface ProgressReviewTable {
  id: string;
  agreement_id: string;
  held_on: string;
  recorded_by: string | null;
  recorded_at: string;
}
