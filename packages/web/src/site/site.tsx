import type { SitePage } from "@conventio/domain";
import { PartnershipsPage, PartnersPage } from "./pages/list-pages";
import { ErrorPage, HomePage, MapPage, OpenDataPage } from "./pages/other-pages";
import { PartnerPage } from "./pages/partner-page";
import { PartnershipPage } from "./pages/partnership-page";
import { EventPage, EventsPage, NewsPage, NewsPostPage } from "./pages/publication-pages";
import { SiteLayout } from "./site-layout";

function PageContent({ page }: { page: SitePage }) {
  switch (page.kind) {
    case "home":
      return <HomePage page={page} />;
    case "partnerships":
      return <PartnershipsPage page={page} />;
    case "partnership":
      return <PartnershipPage page={page.data} picture={page.picture} />;
    case "partners":
      return <PartnersPage page={page} />;
    case "partner":
      return <PartnerPage page={page.data} />;
    case "events":
      return <EventsPage page={page} />;
    case "event":
      return <EventPage e={page.data} picture={page.picture} />;
    case "news":
      return <NewsPage page={page} />;
    case "news-post":
      return <NewsPostPage n={page.data} picture={page.picture} />;
    case "map":
      return <MapPage page={page} />;
    case "open-data":
      return <OpenDataPage page={page} />;
    case "not-found":
    case "gone":
      return <ErrorPage kind={page.kind} />;
  }
}

/** A public page inside its frame. */
export function Site({ page }: { page: SitePage }) {
  return (
    <SiteLayout>
      <PageContent page={page} />
    </SiteLayout>
  );
}
