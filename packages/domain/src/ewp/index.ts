export * from "./ewp-values.js";
export * from "./exchange.js";
export * from "./iia.js";
export * from "./iia-record.js";
export * from "./institution.js";
export * from "./xml-problem.js";
