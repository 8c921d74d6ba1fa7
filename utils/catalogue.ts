/**
 * The built-in catalogue of clinicians' work tools, from shared/research/work-sites.json (names,
 * categories, hosts, path prefixes). `defaultOn` entries are guarded unless switched off;
 * `sharedPersonal` entries serve personal use too and are opt-in, with a warning.
 */
import type { MessageKey } from './i18n';
import { APP_PATHS } from './app-paths';
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

export const SHARED_PERSONAL_WARNING: MessageKey = 'sharedWarn';

/** Rare fields of an entry: off by default, shared with personal use (off by default too), an app path. */
interface More {
  readonly off?: boolean;
  readonly shared?: boolean;
  readonly pathPrefix?: string;
}
// One short constructor per category keeps the table readable and the bundles small: this table
// ships in the worker, the page guard and the options page.
const entry =
  (category: Category) =>
  (id: string, name: string, hosts: readonly string[], more: More = {}): CatalogueEntry => ({
    id,
    name,
    category,
    hosts,
    ...(more.pathPrefix ? { pathPrefix: more.pathPrefix } : {}),
    defaultOn: !more.off && !more.shared,
    ...(more.shared ? { sharedPersonal: true } : {}),
  });
const ehr = entry('ehr');
const practice = entry('practice');
const telehealth = entry('telehealth');
const email = entry('email');

export const CATALOGUE: readonly CatalogueEntry[] = [
  ehr('simplepractice', 'SimplePractice', ['secure.simplepractice.com']),
  telehealth('simplepractice-video', 'SimplePractice Telehealth', ['video.simplepractice.com']),
  ehr('therapynotes', 'TherapyNotes', APP_PATHS.therapynotes.hosts, { pathPrefix: APP_PATHS.therapynotes.pathPrefix }),
  ehr('theranest', 'TheraNest (Ensora)', ['*.theranest.com']),
  ehr('jane', 'Jane', ['*.janeapp.com', '*.janeapp.co.uk', '*.janeapp.com.au']),
  ehr('icanotes', 'ICANotes', ['app.icanotes.com', 'ehr.icanotes.com']),
  ehr('sessionshealth', 'Sessions Health', ['app.sessionshealth.com']),
  ehr('owl', 'Owl Practice', ['*.owlpractice.ca']),
  ehr('therapyappointment', 'TherapyAppointment', ['portal.therapyappointment.com']),
  ehr('practicebetter', 'Practice Better', ['app.practicebetter.io']),
  ehr('kareo', 'Kareo / Tebra', ['app.kareo.com']),
  ehr('advancedmd', 'AdvancedMD', ['login.advancedmd.com']),
  ehr('carepatron', 'Carepatron', ['app.carepatron.com']),
  ehr('healthie', 'Healthie', ['secure.gethealthie.com']),
  practice('intakeq', 'IntakeQ', ['intakeq.com', '*.intakeq.com']),
  ehr('practiceq', 'PracticeQ', ['*.practiceq.com'], { off: true }),
  practice('headway', 'Headway (provider)', ['sigmund.headway.co']),
  practice('alma', 'Alma', ['secure.helloalma.com', 'telehealth.helloalma.com']),
  practice('rula', 'Rula (provider)', ['provider.pathapplication.com']),
  practice('psychtoday', 'Psychology Today (member)', ['member.psychologytoday.com']),
  ehr('athena', 'athenaOne', ['athenanet.athenahealth.com']),
  ehr('ecw', 'eClinicalWorks', APP_PATHS.ecw.hosts, { pathPrefix: APP_PATHS.ecw.pathPrefix }),
  ehr('drchrono', 'DrChrono', ['app.drchrono.com']),
  ehr('credible', 'Credible (Qualifacts)', ['*.crediblebh.com', '*.thecrediblesolution.com']),
  ehr('carelogic', 'Qualifacts CareLogic', ['login.qualifacts.org']),
  ehr('myavatar', 'Netsmart myAvatar', ['*.netsmartcloud.com'], { off: true }),
  ehr('upheal', 'Upheal', ['app.upheal.io']),
  ehr('mentalyc', 'Mentalyc', ['app.mentalyc.com']),
  ehr('blueprint', 'Blueprint', ['clinician.blueprint.ai']),
  telehealth('doxy', 'Doxy.me', ['doxy.me']),
  telehealth('jane-video', 'Jane video', [
    'videochat.janeapp.com',
    'videochat-ca.janeapp.com',
    'videochat-ca2.janeapp.com',
    'videochat.janeapp.com.au',
    'videochat.janeapp.co.uk',
  ]),
  email('spruce', 'Spruce', ['app.sprucehealth.com']),
  telehealth('theralink', 'thera-LINK', ['app.thera-link.com'], { off: true }),
  email('hushmail', 'Hushmail', ['secure.hushmail.com']),
  email('teams', 'Microsoft Teams (work)', ['teams.microsoft.com'], { shared: true }),
  telehealth('zoom', 'Zoom', ['zoom.us', '*.zoom.us', 'zoomgov.com'], { shared: true }),
  practice('officeally', 'Office Ally', ['www.officeally.com', 'pm.officeally.com']),
  practice('availity', 'Availity', ['apps.availity.com', 'essentials.availity.com']),
  practice('claimmd', 'Claim.MD', ['www.claim.md']),
  practice('caqh', 'CAQH ProView', ['proview.caqh.org']),
  practice('providerexpress', 'Optum Provider Express', ['www.providerexpress.com'], { off: true }),
  email('gmail', 'Gmail', ['mail.google.com'], { shared: true }),
  email('outlook', 'Outlook on the web (work)', ['outlook.office.com', 'outlook.office365.com'], { shared: true }),
  practice('gcal', 'Google Calendar', ['calendar.google.com'], { shared: true }),
  practice('calendly', 'Calendly', ['calendly.com'], { shared: true }),
];

/** Manifest match patterns for every catalogue host, http and https, whole hosts (host permissions, static content script). */
export function catalogueMatchPatterns(): string[] {
  return [...new Set(CATALOGUE.flatMap((entry) => siteHostPatterns({ id: entry.id, name: entry.name, category: entry.category, hosts: entry.hosts })))];
}
