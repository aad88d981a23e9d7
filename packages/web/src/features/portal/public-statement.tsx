import { Alert, Text } from "@mantine/core";

/**
 * A form's plain statement of what the public will read of the record, in blue when something
 * is published and in grey when nothing is. It is announced politely as the choices change.
 */
export function PublicStatement({ published, lines }: { published: boolean; lines: string[] }) {
  return (
    <Alert color={published ? "blue" : "gray"} aria-live="polite" data-testid="public-statement">
      {lines.map((line) => (
        <Text size="sm" key={line}>
          {line}
        </Text>
      ))}
    </Alert>
  );
}
