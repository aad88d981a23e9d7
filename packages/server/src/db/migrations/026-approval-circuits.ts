import type { Kysely } from "kysely";

/**
 * Internal approval circuits before signature: circuits per kind of agreement and their steps,
 * each agreement's runs with the steps copied at the start, and every decision taken.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("approval_circuit")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("approval_circuit_step")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("circuit_id", "text", (c) => c.notNull().references("approval_circuit.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("approver_user_id", "text", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("approver_role", "text")
    .addColumn("checklist", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("approval_circuit_step_circuit")
    .on("approval_circuit_step")
    .columns(["circuit_id", "position"])
    .execute();
  await db.schema
    .createIndex("approval_circuit_step_user")
    .on("approval_circuit_step")
    .column("approver_user_id")
    .execute();

  await db.schema
    .createTable("approval_run")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agreement_id", "text", (c) => c.notNull().references("agreement.id").onDelete("cascade"))
    .addColumn("circuit_name", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("current_position", "integer", (c) => c.notNull())
    .addColumn("round", "integer", (c) => c.notNull())
    .addColumn("step_since", "text", (c) => c.notNull())
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .execute();
  await db.schema
    .createIndex("approval_run_agreement")
    .on("approval_run")
    .columns(["agreement_id", "started_at"])
    .execute();
  await db.schema.createIndex("approval_run_status").on("approval_run").column("status").execute();

  await db.schema
    .createTable("approval_run_step")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("run_id", "text", (c) => c.notNull().references("approval_run.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("approver_user_id", "text", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("approver_role", "text")
    .addColumn("checklist", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("approval_run_step_run")
    .on("approval_run_step")
    .columns(["run_id", "position"])
    .execute();

  await db.schema
    .createTable("approval_decision")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("run_id", "text", (c) => c.notNull().references("approval_run.id").onDelete("cascade"))
    .addColumn("run_step_id", "text", (c) => c.notNull().references("approval_run_step.id").onDelete("cascade"))
    .addColumn("round", "integer", (c) => c.notNull())
    .addColumn("decision", "text", (c) => c.notNull())
    .addColumn("comment", "text")
    .addColumn("checklist", "text", (c) => c.notNull())
    .addColumn("actor_id", "text", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("approval_decision_run").on("approval_decision").columns(["run_id", "at"]).execute();
  await db.schema.createIndex("approval_decision_step").on("approval_decision").column("run_step_id").execute();
}
