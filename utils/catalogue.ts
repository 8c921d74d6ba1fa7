/**
 * The built-in catalogue of clinicians' work tools, from shared/research/work-sites.json (names,
 * categories, hosts, path prefixes). `defaultOn` entries are guarded unless switched off;
 * `sharedPersonal` entries serve personal use too and are opt-in, with a warning.
 */
import { siteHostPatterns } from './patterns';
import type { Category } from './types';

export interface CatalogueEntry {
  readonly id: string;
  readonly name: string;
  readonly category: Category;
  /** `host` matches the host and its subdomains; `*.host` matches subdomains only. */
  readonly hosts: readonly string[];
  /** Only paths under this prefix are the app; the host also serves public pages. */
  readonly pathPrefix?: string;
  readonly defaultOn: boolean;
  readonly sharedPersonal?: boolean;
}

export const SHARED_PERSONAL_WARNING = 'Also used personally: switching this on dims or blocks your personal use of it after hours too.';

export const CATALOGUE: readonly CatalogueEntry[] = [
  { id: "simplepractice", name: "SimplePractice", category: 'ehr', hosts: ["secure.simplepractice.com"], defaultOn: true },
  { id: "simplepractice-video", name: "SimplePractice Telehealth", category: 'telehealth', hosts: ["video.simplepractice.com"], defaultOn: true },
  { id: "therapynotes", name: "TherapyNotes", category: 'ehr', hosts: ["www.therapynotes.com"], pathPrefix: "/app/", defaultOn: true },
  { id: "theranest", name: "TheraNest (Ensora)", category: 'ehr', hosts: ["*.theranest.com"], defaultOn: true },
  { id: "jane", name: "Jane", category: 'ehr', hosts: ["*.janeapp.com", "*.janeapp.co.uk", "*.janeapp.com.au"], defaultOn: true },
  { id: "icanotes", name: "ICANotes", category: 'ehr', hosts: ["app.icanotes.com", "ehr.icanotes.com"], defaultOn: true },
  { id: "sessionshealth", name: "Sessions Health", category: 'ehr', hosts: ["app.sessionshealth.com"], defaultOn: true },
  { id: "owl", name: "Owl Practice", category: 'ehr', hosts: ["*.owlpractice.ca"], defaultOn: true },
  { id: "therapyappointment", name: "TherapyAppointment", category: 'ehr', hosts: ["portal.therapyappointment.com"], defaultOn: true },
  { id: "practicebetter", name: "Practice Better", category: 'ehr', hosts: ["app.practicebetter.io"], defaultOn: true },
  { id: "kareo", name: "Kareo / Tebra", category: 'ehr', hosts: ["app.kareo.com"], defaultOn: true },
  { id: "advancedmd", name: "AdvancedMD", category: 'ehr', hosts: ["login.advancedmd.com"], defaultOn: true },
  { id: "carepatron", name: "Carepatron", category: 'ehr', hosts: ["app.carepatron.com"], defaultOn: true },
  { id: "healthie", name: "Healthie", category: 'ehr', hosts: ["secure.gethealthie.com"], defaultOn: true },
  { id: "intakeq", name: "IntakeQ", category: 'practice', hosts: ["intakeq.com", "*.intakeq.com"], defaultOn: true },
  { id: "practiceq", name: "PracticeQ", category: 'ehr', hosts: ["*.practiceq.com"], defaultOn: false },
  { id: "headway", name: "Headway (provider)", category: 'practice', hosts: ["sigmund.headway.co"], defaultOn: true },
  { id: "alma", name: "Alma", category: 'practice', hosts: ["secure.helloalma.com", "telehealth.helloalma.com"], defaultOn: true },
  { id: "rula", name: "Rula (provider)", category: 'practice', hosts: ["provider.pathapplication.com"], defaultOn: true },
  { id: "psychtoday", name: "Psychology Today (member)", category: 'practice', hosts: ["member.psychologytoday.com"], defaultOn: true },
  { id: "athena", name: "athenaOne", category: 'ehr', hosts: ["athenanet.athenahealth.com"], defaultOn: true },
  { id: "ecw", name: "eClinicalWorks", category: 'ehr', hosts: ["*.eclinicalweb.com", "*.ecwcloud.com"], pathPrefix: "/mobiledoc/", defaultOn: true },
  { id: "drchrono", name: "DrChrono", category: 'ehr', hosts: ["app.drchrono.com"], defaultOn: true },
  { id: "credible", name: "Credible (Qualifacts)", category: 'ehr', hosts: ["*.crediblebh.com", "*.thecrediblesolution.com"], defaultOn: true },
  { id: "carelogic", name: "Qualifacts CareLogic", category: 'ehr', hosts: ["login.qualifacts.org"], defaultOn: true },
  { id: "myavatar", name: "Netsmart myAvatar", category: 'ehr', hosts: ["*.netsmartcloud.com"], defaultOn: false },
  { id: "upheal", name: "Upheal", category: 'ehr', hosts: ["app.upheal.io"], defaultOn: true },
  { id: "mentalyc", name: "Mentalyc", category: 'ehr', hosts: ["app.mentalyc.com"], defaultOn: true },
  { id: "blueprint", name: "Blueprint", category: 'ehr', hosts: ["clinician.blueprint.ai"], defaultOn: true },
  { id: "doxy", name: "Doxy.me", category: 'telehealth', hosts: ["doxy.me"], defaultOn: true },
  { id: "jane-video", name: "Jane video", category: 'telehealth', hosts: ["videochat.janeapp.com", "videochat-ca.janeapp.com", "videochat-ca2.janeapp.com", "videochat.janeapp.com.au", "videochat.janeapp.co.uk"], defaultOn: true },
  { id: "spruce", name: "Spruce", category: 'email', hosts: ["app.sprucehealth.com"], defaultOn: true },
  { id: "theralink", name: "thera-LINK", category: 'telehealth', hosts: ["app.thera-link.com"], defaultOn: false },
  { id: "hushmail", name: "Hushmail", category: 'email', hosts: ["secure.hushmail.com"], defaultOn: true },
  { id: "teams", name: "Microsoft Teams (work)", category: 'email', hosts: ["teams.microsoft.com"], defaultOn: false, sharedPersonal: true },
  { id: "zoom", name: "Zoom", category: 'telehealth', hosts: ["zoom.us", "*.zoom.us", "zoomgov.com"], defaultOn: false, sharedPersonal: true },
  { id: "officeally", name: "Office Ally", category: 'practice', hosts: ["www.officeally.com", "pm.officeally.com"], defaultOn: true },
  { id: "availity", name: "Availity", category: 'practice', hosts: ["apps.availity.com", "essentials.availity.com"], defaultOn: true },
  { id: "claimmd", name: "Claim.MD", category: 'practice', hosts: ["www.claim.md"], defaultOn: true },
  { id: "caqh", name: "CAQH ProView", category: 'practice', hosts: ["proview.caqh.org"], defaultOn: true },
  { id: "providerexpress", name: "Optum Provider Express", category: 'practice', hosts: ["www.providerexpress.com"], defaultOn: false },
  { id: "gmail", name: "Gmail", category: 'email', hosts: ["mail.google.com"], defaultOn: false, sharedPersonal: true },
  { id: "outlook", name: "Outlook on the web (work)", category: 'email', hosts: ["outlook.office.com", "outlook.office365.com"], defaultOn: false, sharedPersonal: true },
  { id: "gcal", name: "Google Calendar", category: 'practice', hosts: ["calendar.google.com"], defaultOn: false, sharedPersonal: true },
  { id: "calendly", name: "Calendly", category: 'practice', hosts: ["calendly.com"], defaultOn: false, sharedPersonal: true },
];

/** Manifest match patterns for every catalogue host, http and https, whole hosts (host permissions, static content script). */
export function catalogueMatchPatterns(): string[] {
  return [...new Set(CATALOGUE.flatMap((entry) => siteHostPatterns({ id: entry.id, name: entry.name, category: entry.category, hosts: entry.hosts })))];
}
