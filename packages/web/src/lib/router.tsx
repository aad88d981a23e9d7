import { createRouter } from "@tanstack/react-router";
import { acceptInvitationRoute } from "../routes/accept-invitation";
import { accountRoute } from "../routes/account";
import { activitiesRoute } from "../routes/activities";
import { activityRoute } from "../routes/activity";
import { activityEditRoute } from "../routes/activity-edit";
import { activityNewRoute } from "../routes/activity-new";
import { adminIndexRoute, adminRoute } from "../routes/admin";
import { adminAuditRoute } from "../routes/admin-audit";
import { adminCircuitsRoute } from "../routes/admin-circuits";
import { adminEwpRoute } from "../routes/admin-ewp";
import { adminSiteRoute } from "../routes/admin-site";
import { adminSsoRoute } from "../routes/admin-sso";
import { adminThemesRoute } from "../routes/admin-themes";
import { adminUsersRoute } from "../routes/admin-users";
import { agreementRoute } from "../routes/agreement";
import { agreementEditRoute } from "../routes/agreement-edit";
import { agreementIiaRoute } from "../routes/agreement-iia";
import { agreementNewRoute } from "../routes/agreement-new";
import { agreementPreviewRoute } from "../routes/agreement-preview";
import { agreementsRoute } from "../routes/agreements";
import { dashboardRoute } from "../routes/dashboard";
import { eventRoute } from "../routes/event";
import { eventEditRoute, eventNewRoute } from "../routes/event-edit";
import { eventPreviewRoute } from "../routes/event-preview";
import { eventsRoute } from "../routes/events";
import { exchangeBalanceRoute } from "../routes/exchange-balance";
import { forgotPasswordRoute } from "../routes/forgot-password";
import { importRoute } from "../routes/import";
import { inboxRoute } from "../routes/inbox";
import { internalRoute } from "../routes/internal";
import { mapRoute } from "../routes/map";
import { moderationRoute } from "../routes/moderation";
import { myActionsRoute } from "../routes/my-actions";
import { newsListRoute } from "../routes/news";
import { newsEditRoute, newsNewRoute } from "../routes/news-edit";
import { newsPostRoute } from "../routes/news-post";
import { newsPreviewRoute } from "../routes/news-preview";
import { organisationRoute } from "../routes/organisation";
import { organisationEditRoute } from "../routes/organisation-edit";
import { organisationNewRoute } from "../routes/organisation-new";
import { organisationPreviewRoute } from "../routes/organisation-preview";
import { organisationsRoute } from "../routes/organisations";
import { peopleRoute } from "../routes/people";
import { personRoute } from "../routes/person";
import { personEditRoute } from "../routes/person-edit";
import { personNewRoute } from "../routes/person-new";
import { registryRoute } from "../routes/registry";
import { resetPasswordRoute } from "../routes/reset-password";
import { reviewRoute } from "../routes/review";
import { rootRoute } from "../routes/root";
import { setupRoute } from "../routes/setup";
import { signInRoute } from "../routes/sign-in";
import { queryClient } from "./query-client";

const routeTree = rootRoute.addChildren([
  signInRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  acceptInvitationRoute,
  setupRoute,
  newsPostRoute,
  eventRoute,
  internalRoute.addChildren([
    organisationsRoute,
    organisationNewRoute,
    organisationRoute,
    organisationEditRoute,
    organisationPreviewRoute,
    registryRoute,
    importRoute,
    peopleRoute,
    personNewRoute,
    personRoute,
    personEditRoute,
    mapRoute,
    agreementsRoute,
    agreementNewRoute,
    agreementRoute,
    agreementEditRoute,
    agreementPreviewRoute,
    agreementIiaRoute,
    myActionsRoute,
    accountRoute,
    inboxRoute,
    activitiesRoute,
    activityNewRoute,
    activityRoute,
    activityEditRoute,
    exchangeBalanceRoute,
    dashboardRoute,
    reviewRoute,
    eventsRoute,
    eventNewRoute,
    eventEditRoute,
    eventPreviewRoute,
    newsListRoute,
    newsNewRoute,
    newsEditRoute,
    newsPreviewRoute,
    moderationRoute,
    adminRoute.addChildren([
      adminIndexRoute,
      adminUsersRoute,
      adminThemesRoute,
      adminAuditRoute,
      adminEwpRoute,
      adminSsoRoute,
      adminCircuitsRoute,
      adminSiteRoute,
    ]),
  ]),
]);

/** Code-based route tree: one file per page in routes/, assembled here. */
export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: "intent",
  // Query owns caching; the router only decides what to show.
  defaultPreloadStaleTime: 0,
  scrollRestoration: true,
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
