/**
 * The catalogue's apps that live under a path of a host that also serves public pages (TherapyNotes'
 * `/app/`, eClinicalWorks' `/mobiledoc/`): the catalogue takes them from here, and the page guard,
 * which carries no catalogue, reads them to know before the settings arrive that a public page
 * of such a host is never hidden.
 */
export interface AppPath {
  readonly hosts: readonly string[];
  readonly pathPrefix: string;
}

export const APP_PATHS = {
  therapynotes: { hosts: ['www.therapynotes.com'], pathPrefix: '/app/' },
  ecw: { hosts: ['*.eclinicalweb.com', '*.ecwcloud.com'], pathPrefix: '/mobiledoc/' },
} as const satisfies Record<string, AppPath>;
