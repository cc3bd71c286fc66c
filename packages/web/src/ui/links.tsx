import {
  Anchor,
  type AnchorProps,
  Button,
  type ButtonProps,
  NavLink,
  type NavLinkProps,
} from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';

type AnchorLikeProps = Omit<AnchorProps, 'href'> & Omit<ComponentPropsWithRef<'a'>, 'color' | 'style'>;
function MantineAnchor(props: AnchorLikeProps) {
  return <Anchor {...props} />;
}
const CreatedAnchorLink = createLink(MantineAnchor);
/** A Mantine Anchor that navigates inside the app (typed routes). */
export const AnchorLink: LinkComponent<typeof MantineAnchor> = (props) => (
  <CreatedAnchorLink preload="intent" {...props} />
);

type ButtonLikeProps = Omit<ButtonProps, 'href'> & Omit<ComponentPropsWithRef<'a'>, 'color' | 'style'>;
function MantineButtonAnchor(props: ButtonLikeProps) {
  return <Button component="a" {...props} />;
}
const CreatedButtonLink = createLink(MantineButtonAnchor);
export const ButtonLink: LinkComponent<typeof MantineButtonAnchor> = (props) => (
  <CreatedButtonLink preload="intent" {...props} />
);

type NavLinkLikeProps = Omit<NavLinkProps, 'href'> &
  Omit<ComponentPropsWithRef<'a'>, 'color' | 'style' | 'label'>;
function MantineNavAnchor(props: NavLinkLikeProps) {
  return <NavLink component="a" {...props} />;
}
const CreatedNavLink = createLink(MantineNavAnchor);
export const NavLinkLink: LinkComponent<typeof MantineNavAnchor> = (props) => <CreatedNavLink {...props} />;
