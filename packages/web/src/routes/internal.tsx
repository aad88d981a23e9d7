import { createRoute, Outlet, redirect } from "@tanstack/react-router";
import { readSession } from "../lib/session";
import { rootRoute } from "./root";

/** Every internal page: anonymous visitors are sent to sign in, and come back afterwards. */
export const internalRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "internal",
  beforeLoad: async ({ location }) => {
    const session = await readSession();
    if (!session.user) {
      throw redirect({ to: "/sign-in", search: { redirect: location.href } });
    }
    return { user: session.user };
  },
  component: Outlet,
});
