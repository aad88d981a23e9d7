import "i18next";
import type en from "./en.json";

/** Keys are checked at compile time against the English table; French and Swedish must match it. */
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    /** "messages": the server's and the schemas' sentences, keyed by their English template. */
    resources: { translation: typeof en; messages: Record<string, string> };
  }
}
