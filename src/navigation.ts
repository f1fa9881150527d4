// The site's navigation: one list that the config (header and pager), the landing page and the browser test
// all read, so a page is linked, paged and tested as soon as it is listed here, and only then.

export interface NavPage {
  name: string;
  /** Site path without extension, e.g. "/public/index". */
  path: string;
}

export interface NavSection {
  /** Who the section is for. */
  audience: string;
  pages: NavPage[];
}

export const NAVIGATION: NavSection[] = [
  {audience: "About", pages: [{name: "Overview", path: "/index"}]},
  {audience: "Public", pages: [{name: "Glossary", path: "/public/glossary"}]}
];

export function allPages(): NavPage[] {
  return NAVIGATION.flatMap((s) => s.pages);
}
