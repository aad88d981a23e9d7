export interface InboxMessageTable {
  id: string;
  user_id: string;
  kind: string;
  /** The subject in English, as sent. */
  subject: string;
  /** The subject's catalogue key and its values (JSON); null on messages from before keys were kept. */
  subject_key: string | null;
  subject_params: string | null;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

export interface ReminderSentTable {
  key: string;
  sent_at: string;
}

export interface MailOutboxTable {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  created_at: string;
  sent_at: string | null;
  attempts: number;
  last_error: string | null;
  /** When a process took the mail to send it; another leaves it alone until the claim is stale. */
  claimed_at: string | null;
}
