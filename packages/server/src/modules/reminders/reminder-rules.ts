import { addDays } from "@conventio/domain";

/** Adds calendar months to an ISO date, clamping to the month's last day. */
export function addMonths(isoDate: string, months: number): string {
  const [y = 0, m = 1, d = 1] = isoDate.split("-").map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

export interface ReminderSettings {
  expiringWindowDays: number;
  reviewMonthsBefore: number;
  actionDueDays: number;
}

export type AgreementReminderKind = "notice" | "review" | "expiring" | "expired";

/**
 * Which reminders an active agreement has earned today. Each comes with a key naming the
 * agreement and its end date, so a reminder goes out once, and again only if the end moves.
 */
export function agreementReminders(
  a: { id: string; endsOn: string | null; noticeMonths?: number | null },
  today: string,
  s: ReminderSettings,
): Array<{ kind: AgreementReminderKind; key: string }> {
  if (!a.endsOn) return [];
  const out: Array<{ kind: AgreementReminderKind; key: string }> = [];
  const key = (kind: AgreementReminderKind) => ({ kind, key: `${kind}:${a.id}:${a.endsOn}` });
  if (today > a.endsOn) out.push(key("expired"));
  else {
    // The renewal window closes when the notice period starts: warn a month before that.
    if (
      a.noticeMonths &&
      today >= addDays(addMonths(a.endsOn, -a.noticeMonths), -30) &&
      today <= addMonths(a.endsOn, -a.noticeMonths)
    ) {
      out.push(key("notice"));
    }
    if (today >= addMonths(a.endsOn, -s.reviewMonthsBefore)) out.push(key("review"));
    if (today >= addDays(a.endsOn, -s.expiringWindowDays)) out.push(key("expiring"));
  }
  return out;
}

/** An open action item's reminder, once it is due within the window (or overdue). */
export function actionReminder(
  a: { id: string; dueOn: string | null },
  today: string,
  s: ReminderSettings,
): string | null {
  if (!a.dueOn || today < addDays(a.dueOn, -s.actionDueDays)) return null;
  return `action:${a.id}:${a.dueOn}`;
}
