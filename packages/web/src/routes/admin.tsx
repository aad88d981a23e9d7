import { hasRole } from "@conventio/domain";
import { Group } from "@mantine/core";
import { createRoute, Outlet, redirect } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../ui/links";
import { internalRoute } from "./internal";

function AdminLayout() {
  const { t } = useTranslation();
  return (
    <>
      <nav aria-label={t("admin.sections")}>
        <Group component="ul" gap="xs" className="main-nav sub-nav" mb="lg">
          <li>
            <AnchorLink to="/admin/users">{t("admin.users")}</AnchorLink>
          </li>
          <li>
            <AnchorLink to="/admin/themes">{t("admin.themes")}</AnchorLink>
          </li>
          <li>
            <AnchorLink to="/admin/audit">{t("admin.audit")}</AnchorLink>
          </li>
          <li>
            <AnchorLink to="/admin/ewp">{t("ewp.admin.link")}</AnchorLink>
          </li>
          <li>
            <AnchorLink to="/admin/sign-in-providers">{t("admin.sso")}</AnchorLink>
          </li>
          <li>
            <AnchorLink to="/admin/circuits">{t("circuits.admin.title")}</AnchorLink>
          </li>
          <li>
            <AnchorLink to="/admin/site">{t("admin.site")}</AnchorLink>
          </li>
        </Group>
      </nav>
      <Outlet />
    </>
  );
}

/** Administration: accounts, the vocabulary of themes and the audit log, for administrators only. */
export const adminRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/admin",
  beforeLoad: ({ context }) => {
    const { user } = context;
    if (!hasRole({ kind: "user", id: user.id, name: user.name, role: user.role }, "admin")) {
      throw redirect({ to: "/dashboard" });
    }
  },
  component: AdminLayout,
});

export const adminIndexRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/",
  beforeLoad: () => {
    throw redirect({ to: "/admin/users" });
  },
});
