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
  {audience: "About", pages: [{name: "Overview", path: "/index"}, {name: "Data and downloads", path: "/downloads"}]},
  {
    audience: "Public",
    pages: [
      {name: "Is it safe?", path: "/public/index"},
      {name: "How we checked", path: "/public/method"},
      {name: "Limits and sources", path: "/public/limits"},
      {name: "Glossary", path: "/public/glossary"}
    ]
  },
  {
    audience: "Radiation Safety Officer",
    pages: [
      {name: "Data quality", path: "/rso/index"},
      {name: "Models and fits", path: "/rso/fits"},
      {name: "Compliance", path: "/rso/compliance"}
    ]
  },
  {
    audience: "Explore",
    pages: [
      {name: "Dose around the van", path: "/explore/field"},
      {name: "A checkpoint, person by person", path: "/explore/checkpoint"},
      {name: "Imaging range and scan timing", path: "/explore/imaging"}
    ]
  },
  {audience: "Council", pages: [{name: "Briefing", path: "/council/briefing"}]}
];

export function allPages(): NavPage[] {
  return NAVIGATION.flatMap((s) => s.pages);
}
