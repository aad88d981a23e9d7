import { Anchor, type AnchorProps, Button, type ButtonProps } from "@mantine/core";
import { createLink, type LinkComponent } from "@tanstack/react-router";
import { type AnchorHTMLAttributes, forwardRef } from "react";

type AnchorBaseProps = Omit<AnchorProps, "href"> & AnchorHTMLAttributes<HTMLAnchorElement>;
type ButtonBaseProps = Omit<ButtonProps, "href"> & AnchorHTMLAttributes<HTMLAnchorElement>;

// Without an explicit size a link takes the size of the text around it (table cells, small print).
const AnchorBase = forwardRef<HTMLAnchorElement, AnchorBaseProps>((props, ref) => (
  <Anchor ref={ref} inherit={props.size === undefined} {...props} />
));
const ButtonBase = forwardRef<HTMLAnchorElement, ButtonBaseProps>((props, ref) => (
  <Button component="a" ref={ref} {...props} />
));

const CreatedAnchor = createLink(AnchorBase);
const CreatedButton = createLink(ButtonBase);

/** A router link styled as a Mantine anchor. */
export const AnchorLink: LinkComponent<typeof AnchorBase> = (props) => <CreatedAnchor preload="intent" {...props} />;

/** A router link styled as a Mantine button (it navigates, so it stays a link for assistive technology). */
export const ButtonLink: LinkComponent<typeof ButtonBase> = (props) => <CreatedButton preload="intent" {...props} />;
