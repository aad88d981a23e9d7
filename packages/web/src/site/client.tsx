import { type ComponentType, createElement } from "react";
import { hydrateRoot } from "react-dom/client";
import { ISLANDS, type IslandName } from "./islands/island";
import "./site.css";

/** Hydrates each island of the server-rendered page with the properties written beside it. */
for (const el of document.querySelectorAll<HTMLElement>("[data-island]")) {
  const name = el.dataset.island as IslandName;
  if (!(name in ISLANDS)) continue;
  // The properties were written by the server for this very component.
  const Component = ISLANDS[name] as unknown as ComponentType<object>;
  hydrateRoot(el, createElement(Component, JSON.parse(el.dataset.props ?? "{}") as object));
}

/** An embedded page tells the page around it how tall it is, so the frame needs no scroll bar. */
if (document.documentElement.dataset.embed === "true" && window.parent !== window) {
  const report = () =>
    window.parent.postMessage({ conventio: "height", height: document.documentElement.scrollHeight }, "*");
  new ResizeObserver(report).observe(document.body);
  report();
}
