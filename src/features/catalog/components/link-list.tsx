import { Fragment } from "react";
import { Link } from "react-router";

/** Inline links separated by a middle dot. */
export function LinkList({
  links,
}: {
  links: readonly { key: string; to: string; label: string }[];
}) {
  return (
    <>
      {links.map((link, n) => (
        <Fragment key={link.key}>
          {n > 0 && " · "}
          <Link to={link.to}>{link.label}</Link>
        </Fragment>
      ))}
    </>
  );
}
