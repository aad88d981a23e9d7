import type { PublicOrganisationRef, ShownText, SitePaging, SitePhase } from "@conventio/domain";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useSite } from "./site-context";

/** A text in the language the server picked, marked when it is not the page's own. */
export function Shown({ value }: { value: ShownText | null | undefined }) {
  const { lang } = useSite();
  if (!value) return null;
  if (!value.lang || value.lang.split("-")[0] === lang) return <>{value.text}</>;
  return <span lang={value.lang}>{value.text}</span>;
}

/** A link inside the site; embedded pages open it in the parent's new tab. */
export function SiteLink({ href, children, className }: { href: string; children: ReactNode; className?: string }) {
  const { embed } = useSite();
  return (
    <a href={href} className={className} {...(embed ? { target: "_blank", rel: "noopener" } : {})}>
      {children}
    </a>
  );
}

/** An organisation's name, linked to its page when it has one. */
export function OrganisationName({ org }: { org: Pick<PublicOrganisationRef, "id" | "name" | "public"> }) {
  const { lang } = useSite();
  if (!org.public) return <Shown value={org.name} />;
  return (
    <SiteLink href={`/${lang}/partners/${org.id}`}>
      <Shown value={org.name} />
    </SiteLink>
  );
}

/** Current, coming, ended or not yet signed, in words and colour; never colour alone. */
export function PhaseBadge({ phase }: { phase: SitePhase }) {
  const { t } = useTranslation();
  return <span className={`badge phase-${phase}`}>{t(`site.phase.${phase}`)}</span>;
}

export function PageTitle({ title, lang, lead }: { title: ReactNode; lang?: string | null; lead?: ReactNode }) {
  return (
    <header className="page-title">
      <h1 lang={lang ?? undefined}>{title}</h1>
      {lead && <p className="lead">{lead}</p>}
    </header>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="block" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** Keyset paging: the next page, and back to the first. */
export function Paging({ paging }: { paging: SitePaging }) {
  const { t } = useTranslation();
  if (!paging.next && !paging.first) return null;
  return (
    <nav className="paging" aria-label={t("site.paging.label")}>
      {paging.first && <SiteLink href={paging.first}>{t("site.paging.first")}</SiteLink>}
      {paging.next && (
        <SiteLink href={paging.next} className="next">
          {t("site.paging.next")}
        </SiteLink>
      )}
    </nav>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}
