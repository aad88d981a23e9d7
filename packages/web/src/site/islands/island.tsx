import type { ComponentType } from "react";
import { FilterForm } from "./filter-form";

/** The parts of a public page that come alive in the browser; everything else is plain HTML. */
export const ISLANDS = { "filter-form": FilterForm } as const satisfies Record<string, ComponentType<never>>;
export type IslandName = keyof typeof ISLANDS;

type PropsOf<N extends IslandName> = Parameters<(typeof ISLANDS)[N]>[0];

/**
 * Renders an island with its properties written beside it, so the browser hydrates exactly what
 * the server rendered without fetching anything.
 */
export function Island<N extends IslandName>({ name, props }: { name: N; props: PropsOf<N> }) {
  const Component = ISLANDS[name] as ComponentType<PropsOf<N>>;
  return (
    <div data-island={name} data-props={JSON.stringify(props)}>
      <Component {...props} />
    </div>
  );
}
