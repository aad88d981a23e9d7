import { hasRole, type SessionView } from "@conventio/domain";
import { redirect } from "@tanstack/react-router";

/**
 * A page that only edits (a form to create or change a record) is not offered to a viewer, who
 * could not submit it: whoever follows a link to it lands on the dashboard instead.
 */
export function editorsOnly({ context }: { context: { user: NonNullable<SessionView["user"]> } }): void {
  const { user } = context;
  if (!hasRole({ kind: "user", id: user.id, name: user.name, role: user.role }, "editor")) {
    throw redirect({ to: "/dashboard" });
  }
}
