import type { ACTIVITY_STATUSES, AgreementStatus, RegistryStatus, SearchGroup, SearchHit } from "@conventio/domain";
import { Button, Kbd, Loader, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue, useMediaQuery } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type KeyboardEvent, useEffect, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { search } from "../lib/api/search";
import { useCountryName } from "../lib/countries";
import { useFormatDate } from "../lib/format";
import { ProblemAlert } from "./problem-alert";

/** Whether a key press lands in something the person types into, where "/" is a character. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** Opens the search on Ctrl+K or Cmd+K anywhere, and on "/" when the person is not typing. */
function useSearchShortcut(open: () => void) {
  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      const chord = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k";
      const slash = event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
      if (!chord && !slash) return;
      event.preventDefault();
      open();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);
}

/** The second line of a result: its detail, country, status and date, in the reader's language. */
function useDetailLine(): (hit: SearchHit) => string {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const formatDate = useFormatDate();
  return (hit) => {
    const status = !hit.status
      ? null
      : hit.kind === "agreement"
        ? t(`agreementStatus.${hit.status as AgreementStatus}`)
        : hit.kind === "activity"
          ? t(`activityStatus.${hit.status as (typeof ACTIVITY_STATUSES)[number]}`)
          : hit.kind === "news"
            ? t(`news.status.${hit.status as "draft" | "published"}`)
            : hit.kind === "registry"
              ? t(`search.registryStatus.${hit.status as RegistryStatus}`)
              : null;
    const country = hit.country ? countryName(hit.country) : null;
    const date = hit.date ? formatDate(hit.date, hit.kind === "event") : null;
    return [hit.detail, country, status, date].filter(Boolean).join(" · ");
  };
}

/**
 * The results as one listbox of groups, each named by its kind. The input keeps the focus and
 * points at the active option (aria-activedescendant), as the combobox pattern asks.
 */
function Results({
  groups,
  listId,
  active,
  onPick,
  onHover,
}: {
  groups: SearchGroup[];
  listId: string;
  active: number;
  onPick: (hit: SearchHit) => void;
  onHover: (index: number) => void;
}) {
  const { t } = useTranslation();
  const detailOf = useDetailLine();
  let index = -1;
  return (
    <div role="listbox" id={listId} aria-label={t("search.title")} className="search-results">
      {groups
        .filter((g) => g.items.length > 0)
        .map((group) => (
          // biome-ignore lint/a11y/useSemanticElements: a group of options inside a listbox, which a fieldset cannot be
          <div key={group.kind} role="group" aria-labelledby={`${listId}-${group.kind}`} className="search-group">
            <div role="presentation" id={`${listId}-${group.kind}`} className="search-group-label">
              {t(`search.kinds.${group.kind}`)}
            </div>
            {group.items.map((hit) => {
              index += 1;
              const mine = index;
              const detail = detailOf(hit);
              return (
                // biome-ignore lint/a11y/useKeyWithClickEvents: the input owns the keyboard (arrows, Enter), as the combobox pattern asks
                <div
                  key={hit.id}
                  id={`${listId}-option-${mine}`}
                  role="option"
                  tabIndex={-1}
                  aria-selected={mine === active}
                  className="search-option"
                  data-active={mine === active || undefined}
                  onMouseDown={(e) => e.preventDefault()}
                  onMouseMove={() => onHover(mine)}
                  onClick={() => onPick(hit)}
                >
                  <span className="search-option-title">{hit.title}</span>
                  {detail && <span className="search-option-detail">{detail}</span>}
                </div>
              );
            })}
          </div>
        ))}
    </div>
  );
}

/**
 * The header's search across every staff list: a button (and Ctrl+K, Cmd+K or "/") opens a dialog
 * whose field searches as the person types; results come grouped by kind, the arrows move through
 * them, Enter opens one, and Escape closes the dialog and gives the focus back.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const narrow = useMediaQuery("(max-width: 36em)");
  const [opened, setOpened] = useState(false);
  const [q, setQ] = useState("");
  const [active, setActive] = useState(0);
  const [debounced] = useDebouncedValue(q.trim(), 200);
  const listId = useId().replace(/:/g, "");
  const open = useMemo(() => () => setOpened(true), []);
  useSearchShortcut(open);

  const results = useQuery({
    queryKey: ["search", debounced],
    queryFn: () => search.everything(debounced),
    enabled: opened && debounced.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const groups = debounced && results.data ? results.data.groups : [];
  const hits = groups.flatMap((g) => g.items);
  // A new answer starts again from its first result.
  const [answered, setAnswered] = useState(results.data);
  if (answered !== results.data) {
    setAnswered(results.data);
    setActive(0);
  }

  function close() {
    setOpened(false);
    setQ("");
  }
  function pick(hit: SearchHit) {
    close();
    void navigate({ href: hit.href });
  }
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (hits.length === 0) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + step + hits.length) % hits.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      const hit = hits[active];
      if (hit) pick(hit);
    }
  }
  useEffect(() => {
    document.getElementById(`${listId}-option-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [active, listId]);

  const count = debounced && results.data ? hits.length : null;
  return (
    <>
      <Button
        variant="default"
        size="xs"
        onClick={open}
        aria-keyshortcuts="Control+K Meta+K /"
        rightSection={
          <Kbd size="xs" visibleFrom="sm" aria-hidden="true">
            {t("search.shortcut")}
          </Kbd>
        }
      >
        {t("search.open")}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t("search.title")}
        size="lg"
        fullScreen={narrow === true}
        yOffset="8vh"
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        <Stack gap="xs">
          <TextInput
            data-autofocus
            type="search"
            label={t("search.label")}
            description={t("search.hint")}
            placeholder={t("search.placeholder")}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            onKeyDown={onKeyDown}
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={hits.length > 0}
            aria-controls={listId}
            aria-activedescendant={hits.length > 0 ? `${listId}-option-${active}` : undefined}
            autoComplete="off"
            rightSection={results.isFetching ? <Loader size="xs" aria-label={t("search.searching")} /> : null}
          />
          <Text size="sm" c="dimmed" role="status" data-testid="search-count">
            {count === null ? "" : count === 0 ? t("search.none", { q: debounced }) : t("search.results", { count })}
          </Text>
          {results.isError && <ProblemAlert error={results.error} />}
          {hits.length > 0 && (
            <Results groups={groups} listId={listId} active={active} onPick={pick} onHover={setActive} />
          )}
        </Stack>
      </Modal>
    </>
  );
}
