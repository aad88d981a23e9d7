import {
  type Actor,
  fillMessage,
  type InboxMessageView,
  MessageParams,
  type Page,
  type UiLanguage,
} from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import { afterKeyset, decodeCursor, toPage } from "#http/pagination.js";
import { circuitReminders } from "#modules/circuits/circuit-run.js";
import { AppError } from "#shared/app-error.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { newId } from "#shared/ids.js";
import type { Mailer } from "#shared/mailer.js";
import { translateMessage } from "#shared/messages.js";
import { type RunJob, repeatJob, runUncounted, type ScheduledJob } from "#shared/scheduled-job.js";
import { reminderPolicy } from "./reminder.policy.js";
import { actionReminder, agreementReminders, type ReminderSettings } from "./reminder-rules.js";
import { ACTION_REMINDER_SUBJECT, AGREEMENT_REMINDER_SUBJECTS } from "./reminder-wording.js";

/** Attempts before a mail is given up. */
const MAX_MAIL_ATTEMPTS = 5;
/** A claim older than this belonged to a process that stopped while sending: the mail is due again. */
const CLAIM_STALE_MS = 10 * 60 * 1000;

interface Reminder {
  key: string;
  kind: string;
  /** The subject as a catalogue key and its values: the inbox keeps both, an e-mail is written in its reader's language. */
  subject: { key: string; params: MessageParams };
  link: string;
  recipients: Array<{ id: string; email: string; language: UiLanguage }>;
}

/**
 * Finds the reminders that are due, records each once (its key is a primary key), fills the
 * recipients' inboxes and queues e-mails in an outbox in the same transaction; the outbox is
 * then delivered and each mail marked sent. A restart finds the keys and sends nothing twice,
 * and so do two passes that overlap in two processes: the key is taken by one insert, and each
 * mail is claimed by one process before it is sent (decision 029).
 */
export function createReminderService(deps: Deps, settings: ReminderSettings & { publicUrl: string }, mailer: Mailer) {
  const { db, clock, log } = deps;
  const today = () => clock.now().toISOString().slice(0, 10);

  async function staff(trx: Kysely<DB>) {
    return trx
      .selectFrom("app_user")
      .select(["id", "email", "language"])
      .where("role", "in", ["editor", "admin"])
      .where("disabled", "=", 0)
      .execute();
  }

  async function dueReminders(): Promise<Reminder[]> {
    const day = today();
    const out: Reminder[] = [];
    const agreements = await db
      .selectFrom("agreement")
      .select(["id", "reference", "title", "ends_on", "notice_months"])
      .where("status", "=", "active")
      .where("ends_on", "is not", null)
      .where(
        "ends_on",
        "<=",
        addDaysIso(day, Math.max(settings.expiringWindowDays, settings.reviewMonthsBefore * 31, 130 * 31)),
      )
      .execute();
    const recipients = agreements.length ? await staff(db) : [];
    for (const a of agreements) {
      for (const r of agreementReminders(
        { id: a.id, endsOn: a.ends_on, noticeMonths: a.notice_months },
        day,
        settings,
      )) {
        out.push({
          key: r.key,
          kind: r.kind,
          subject: {
            key: AGREEMENT_REMINDER_SUBJECTS[r.kind],
            params: { ref: a.reference, title: a.title, end: a.ends_on ?? "" },
          },
          link: `/agreements/${a.id}`,
          recipients,
        });
      }
    }
    const actions = await db
      .selectFrom("action_item as a")
      .innerJoin("app_user as u", "u.id", "a.owner_id")
      .select(["a.id", "a.title", "a.due_on", "a.agreement_id", "u.id as user_id", "u.email", "u.language"])
      .where("a.status", "=", "open")
      .where("a.due_on", "<=", addDaysIso(day, settings.actionDueDays))
      .where("u.disabled", "=", 0)
      .execute();
    for (const a of actions) {
      const key = actionReminder({ id: a.id, dueOn: a.due_on }, day, settings);
      if (!key) continue;
      out.push({
        key,
        kind: "action",
        subject: { key: ACTION_REMINDER_SUBJECT, params: { due: a.due_on ?? "", title: a.title } },
        link: "/my/actions",
        recipients: [{ id: a.user_id, email: a.email, language: a.language }],
      });
    }
    out.push(...(await circuitReminders(db, clock.now())));
    return out;
  }

  async function issue(r: Reminder): Promise<boolean> {
    const now = nowIso(deps);
    return db.transaction().execute(async (trx) => {
      // Taking the key is the check: of two passes at once, the second waits for the first and finds it taken.
      const taken = await trx
        .insertInto("reminder_sent")
        .values({ key: r.key, sent_at: now })
        .onConflict((oc) => oc.column("key").doNothing())
        .executeTakeFirst();
      if (Number(taken.numInsertedOrUpdatedRows ?? 0) === 0) return false;
      const bodyOf = (subject: string) => `${subject}.\n\n${settings.publicUrl}${r.link}`;
      const subjectIn = (language: UiLanguage) => translateMessage(language, r.subject.key, r.subject.params);
      const english = fillMessage(r.subject.key, r.subject.params);
      for (const to of r.recipients) {
        const mailSubject = subjectIn(to.language);
        await trx
          .insertInto("inbox_message")
          .values({
            id: newId(),
            user_id: to.id,
            kind: r.kind,
            subject: english,
            subject_key: r.subject.key,
            subject_params: JSON.stringify(r.subject.params),
            body: bodyOf(english),
            link: r.link,
            created_at: now,
            read_at: null,
          })
          .execute();
        await trx
          .insertInto("mail_outbox")
          .values({
            id: newId(),
            to_address: to.email,
            subject: mailSubject,
            body: bodyOf(mailSubject),
            created_at: now,
            sent_at: null,
            attempts: 0,
            last_error: null,
          })
          .execute();
      }
      return true;
    });
  }

  /**
   * Takes a queued mail for this process: one update that only a mail not sent, not given up and
   * not claimed by another process (or claimed longer ago than a send can take) passes. Of two
   * processes that read the same mail, one claims it and the other passes it over.
   */
  async function claim(id: string): Promise<boolean> {
    const now = clock.now();
    const stale = new Date(now.getTime() - CLAIM_STALE_MS).toISOString();
    const r = await db
      .updateTable("mail_outbox")
      .set((eb) => ({ claimed_at: now.toISOString(), attempts: eb("attempts", "+", 1) }))
      .where("id", "=", id)
      .where("sent_at", "is", null)
      .where("attempts", "<", MAX_MAIL_ATTEMPTS)
      .where((eb) => eb.or([eb("claimed_at", "is", null), eb("claimed_at", "<", stale)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async function deliverOutbox(): Promise<number> {
    const pending = await db
      .selectFrom("mail_outbox")
      .selectAll()
      .where("sent_at", "is", null)
      .where("attempts", "<", MAX_MAIL_ATTEMPTS)
      .orderBy("created_at")
      .limit(200)
      .execute();
    let sent = 0;
    for (const m of pending) {
      if (!(await claim(m.id))) continue;
      try {
        await mailer.send({ to: m.to_address, subject: m.subject, text: m.body });
        await db
          .updateTable("mail_outbox")
          .set({ sent_at: nowIso(deps) })
          .where("id", "=", m.id)
          .execute();
        sent++;
      } catch (err) {
        log.warn({ err, to: m.to_address }, "mail delivery failed; will retry");
        // Released, so that the next pass of any process tries it again.
        await db
          .updateTable("mail_outbox")
          .set({ claimed_at: null, last_error: String(err) })
          .where("id", "=", m.id)
          .execute();
      }
    }
    return sent;
  }

  return {
    /** One pass of the scheduled job: issue what is due, then deliver the outbox. */
    async runReminders(): Promise<{ issued: number; mailed: number }> {
      let issued = 0;
      for (const r of await dueReminders()) if (await issue(r)) issued++;
      const mailed = await deliverOutbox();
      if (issued || mailed) log.info({ issued, mailed }, "reminders");
      return { issued, mailed };
    },

    /** My messages, newest first, a page at a time, with how many are still unread in all. */
    async inbox(
      actor: Actor,
      q: { limit?: number | undefined; cursor?: string | undefined } = {},
    ): Promise<Page<InboxMessageView> & { unread: number }> {
      reminderPolicy.readInbox(actor);
      const limit = q.limit ?? 50;
      let query = db
        .selectFrom("inbox_message")
        .selectAll()
        .where("user_id", "=", actor.id)
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(limit + 1);
      const after = decodeCursor(q.cursor);
      if (after) query = query.where(afterKeyset("created_at", "id", after, "desc"));
      const [rows, unread] = await Promise.all([
        query.execute(),
        db
          .selectFrom("inbox_message")
          .select((eb) => eb.fn.countAll<number | string>().as("n"))
          .where("user_id", "=", actor.id)
          .where("read_at", "is", null)
          .executeTakeFirstOrThrow(),
      ]);
      const page = toPage(
        rows,
        limit,
        (r) => ({ key: r.created_at, id: r.id }),
        (r): InboxMessageView => ({
          id: r.id,
          kind: r.kind,
          subject: r.subject,
          subjectKey: r.subject_key,
          subjectParams: paramsOf(r.subject_params),
          body: r.body,
          link: r.link,
          createdAt: r.created_at,
          readAt: r.read_at,
        }),
      );
      return { ...page, unread: Number(unread.n) };
    },

    async markRead(actor: Actor, id: string): Promise<void> {
      reminderPolicy.readInbox(actor);
      const r = await db
        .updateTable("inbox_message")
        .set({ read_at: nowIso(deps) })
        .where("id", "=", id)
        .where("user_id", "=", actor.id)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw AppError.notFound("This message");
    },
  };
}

function paramsOf(json: string | null): MessageParams {
  const parsed = json ? MessageParams.safeParse(JSON.parse(json)) : null;
  return parsed?.success ? parsed.data : {};
}

function addDaysIso(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export type ReminderService = ReturnType<typeof createReminderService>;

/** Runs the reminder job now and then every interval, never two passes at once; `runJob` counts each pass. */
export function scheduleReminders(
  reminders: ReminderService,
  intervalMinutes: number,
  log: Deps["log"],
  runJob: RunJob = runUncounted,
): ScheduledJob {
  return repeatJob(intervalMinutes * 60_000, () => runJob("reminders", () => reminders.runReminders()), {
    now: true,
    onError: (err) => log.error({ err }, "reminder job failed"),
  });
}
