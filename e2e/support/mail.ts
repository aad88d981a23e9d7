/** The browser journeys catch mail with the same real SMTP server as the API suite. */
export { type MailCatcher, startMailCatcher } from "../../packages/server/src/test/mail-catcher.js";
