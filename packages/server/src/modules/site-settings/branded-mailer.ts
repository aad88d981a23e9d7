import { SITE_SETTINGS_DEFAULTS } from "@conventio/domain";
import type { Mailer } from "#shared/mailer.js";
import type { SiteBrand } from "./site-settings.service.js";

/**
 * A mailer whose mail the institution signs: its name closes every message and, once an
 * administrator has named it, stands as the sender's display name (until then MAIL_FROM's own
 * name is kept, so an installation that named its sender there keeps it).
 */
export function brandedMailer(mailer: Mailer, brand: SiteBrand): Mailer {
  return {
    async send(mail) {
      const { institutionName } = await brand.get();
      const named = institutionName !== SITE_SETTINGS_DEFAULTS.institutionName;
      await mailer.send({
        ...mail,
        ...(named ? { fromName: institutionName } : {}),
        // "-- " on a line of its own: the signature separator mail readers recognise.
        text: `${mail.text.replace(/\s+$/, "")}\n\n-- \n${institutionName}\n`,
      });
    },
    close: () => mailer.close(),
  };
}
