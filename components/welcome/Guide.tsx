/**
 * The welcome guide: five short steps on a draft of the settings in force, written only when the
 * clinician confirms at the end ("Start Clocked Out with these settings"), through the same
 * validation as every other write. "Skip" writes nothing. The browser's doors (storage, host
 * access, clipboard) come in as props, so the guide is testable without them.
 */
import type { MessageKey } from '@/utils/i18n';
import { t } from '@/stores/i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HostAccess } from '@/components/options/CustomSites';
import { CustomSites } from '@/components/options/CustomSites';
import { AfterHoursSection } from '@/components/options/AfterHoursSection';
import { HoursEditor } from '@/components/options/HoursEditor';
import type { Change } from '@/components/options/shared';
import { TimeZoneSection } from '@/components/options/TimeZoneSection';
import { clockTime, showTime } from '@/utils/clock';
import { pageClock } from '@/components/clock';
import { decide } from '@/utils/policy';
import { defaultSettings, parseSettings, type Settings } from '@/utils/settings';
import { enabledSites } from '@/utils/sites';
import { crisisLine, tonight } from '@/utils/tonight';
import { localParts, resolveTimeZone } from '@/utils/zoned-time';
import { PrivateWindows } from '@/components/PrivateWindows';
import { AccessCheck } from './AccessCheck';
import { AfterHoursChoices } from './AfterHoursChoices';
import { SameHours } from './SameHours';
import { ToolPicker } from './ToolPicker';

/** Each step's id and its title's message. */
export const STEPS = [
  ['hours', 'stHours'],
  ['tools', 'stTools'],
  ['after-hours', 'afterHours'],
  ['access', 'stAccess'],
  ['tonight', 'stTonight'],
] as const satisfies ReadonlyArray<readonly [string, MessageKey]>;

/** The confirming button's message. */
export const START: MessageKey = 'wStart';

export interface GuideProps {
  /** The settings in force (the practice's policy applied) and the paths the practice sets. */
  readonly settings: Settings;
  readonly locked: readonly string[];
  /** What the clinician should be told about the settings read (a repaired field, a policy field ignored), or null. */
  readonly notice?: string | null;
  /** Writes the confirmed draft; resolves to field-named errors, or [] once saved. */
  write(draft: Settings): Promise<string[]>;
  readonly now: number;
  readonly systemTimeZone: string;
  readonly zones: readonly string[];
  /** Host access for one custom site at a time (asked for as it is added). */
  readonly hostAccess: HostAccess;
  /** `permissions.contains` / `permissions.request` for a list of origins. */
  contains(origins: string[]): Promise<boolean>;
  request(origins: string[]): Promise<boolean>;
  /** `extension.isAllowedIncognitoAccess()`: private windows are not guarded unless it is. */
  privateAccess?(): Promise<boolean>;
  copy(text: string): Promise<void>;
  /** Where the options page is. */
  readonly optionsUrl: string;
}

/** Deep equality of two settings documents, key order aside. */
function sameDocument(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([x], [y]) => (x < y ? -1 : 1))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

export function Guide(props: GuideProps) {
  const { locked, now, systemTimeZone, zones } = props;
  const [draft, setDraft] = useState(props.settings);
  const current = useRef(props.settings);
  const [step, setStep] = useState(0);
  const [done, setDone] = useState<'started' | 'skipped' | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const heading = useRef<HTMLHeadingElement | null>(null);
  const moved = useRef(false);
  const isDefault = sameDocument(props.settings, defaultSettings());

  // A new step (or the end) takes the focus to its heading, so a screen reader and the Tab key start there.
  useEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [step, done]);
  const go = (next: number) => {
    moved.current = true;
    setErrors([]);
    setStep(next);
  };

  // The draft changes like the settings do on the options page: each change validated, nothing written.
  const update = async (change: Change) => {
    const next = parseSettings(t, change(current.current));
    if (!next.ok) return next.errors;
    current.current = next.settings;
    setDraft(next.settings);
    return [];
  };
  const common = { settings: draft, update, locked };
  const timeZone = resolveTimeZone(draft.timeZone, systemTimeZone);
  const clock = pageClock(draft.clock);
  const evening = tonight(t, draft, now, timeZone, clock);

  const start = async () => {
    setSaving(true);
    const result = await props.write(current.current);
    setSaving(false);
    if (result.length) return setErrors(result);
    moved.current = true;
    setDone('started');
  };
  const skip = () => {
    moved.current = true;
    setDone('skipped');
  };

  if (done) {
    const inForce = done === 'started' ? draft : props.settings;
    const inForceZone = resolveTimeZone(inForce.timeZone, systemTimeZone);
    return (
      <main class="welcome-done">
        <h1 tabIndex={-1} ref={heading}>
          {t(done === 'started' ? 'wOn' : isDefault ? 'wDefaults' : 'wKept')}
        </h1>
        {done === 'skipped' && isDefault && <p>{t('wDefaultWeek', showTime('09:00', clock), showTime('17:00', clock))}</p>}
        <p class="tonight">{tonight(t, inForce, now, inForceZone, pageClock(inForce.clock)).text}</p>
        {/* Skipped, or started without the access step's answer: the sites still withheld are asked for here. */}
        <AccessCheck sites={enabledSites(inForce)} contains={props.contains} request={props.request} onlyIfWithheld />
        <p>
          {t('wChangeBefore')} <a href={props.optionsUrl}>{t('optTitle')}</a>
          {t('wChangeAfter')}
        </p>
        <button type="button" class="quiet" onClick={() => window.close()}>
          {t('wClose')}
        </button>
      </main>
    );
  }

  const [id, title] = STEPS[step] ?? STEPS[0];
  const last = step === STEPS.length - 1;
  const system = localParts(now, systemTimeZone);

  return (
    <>
      <header class="top">
        <h1>{t('wTitle')}</h1>
        <p class="intro">{t(isDefault ? 'wIntroDefault' : 'wIntroCurrent', t(START))}</p>
        {locked.length > 0 && <p class="notice">{t('wLocked', t('setByPractice'))}</p>}
        {props.notice && (
          <p class="notice" role="alert">
            {props.notice}
          </p>
        )}
        <button type="button" class="quiet" onClick={skip}>
          {t(isDefault ? 'wSkipDefault' : 'wSkipCurrent')}
        </button>
        <nav aria-label={t('wSteps')}>
          <ol class="steps">
            {STEPS.map(([stepId, stepTitle], index) => (
              <li key={stepId} aria-current={index === step ? 'step' : undefined} class={index < step ? 'past' : undefined}>
                {t(stepTitle)}
              </li>
            ))}
          </ol>
        </nav>
      </header>
      <main>
        <section id={id} class="section" aria-labelledby={`${id}-title`}>
          <h2 id={`${id}-title`} tabIndex={-1} ref={heading}>
            <span class="step-count">{t('wStepOf', step + 1, STEPS.length)}</span> {t(title)}
          </h2>
          {id === 'hours' && (
            <>
              <p class="intro">{t('wHoursIntro')}</p>
              <SameHours {...common} />
              <details class="per-day">
                <summary>{t('wPerDay')}</summary>
                <HoursEditor {...common} />
              </details>
              <h3>{t('secZone')}</h3>
              <p>
                {t('wZoneBefore')} <strong>{systemTimeZone}</strong>
                {t('wZoneAfter', clockTime(system.minutes, clock), t('tzFollow'))}
              </p>
              <TimeZoneSection {...common} systemTimeZone={systemTimeZone} zones={zones} />
            </>
          )}
          {id === 'tools' && (
            <>
              <p class="intro">{t('wToolsIntro')}</p>
              <ToolPicker {...common} />
              <CustomSites {...common} access={props.hostAccess} />
            </>
          )}
          {id === 'after-hours' && (
            <>
              <p class="intro">{t('wAfterIntro')}</p>
              <AfterHoursChoices {...common} />
            </>
          )}
          {id === 'access' && <AccessCheck sites={enabledSites(draft)} contains={props.contains} request={props.request} />}
          {id === 'access' && props.privateAccess && <PrivateWindows allowed={props.privateAccess} />}
          {id === 'tonight' && (
            <>
              <p class="tonight" aria-live="polite">
                {evening.text}
              </p>
              <p>{crisisLine(t, draft)}</p>
              <h3>{t('wMessage')}</h3>
              <p class="intro">{t('wMessageIntro')}</p>
              <AfterHoursSection
                {...common}
                nextOpening={evening.at === null ? decide(draft, now, timeZone).nextWorkAt : evening.until}
                now={now}
                timeZone={timeZone}
                copy={props.copy}
              />
              <p>{t('wNothingYet', t(START))}</p>
            </>
          )}
        </section>
        {errors.length > 0 && (
          <div class="refused" role="alert">
            <p>{t('wNotSaved')}</p>
            <ul>
              {errors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          </div>
        )}
        <div class="step-nav">
          {step > 0 && (
            <button type="button" class="quiet" onClick={() => go(step - 1)}>
              {t('wBack')}
            </button>
          )}
          {last ? (
            <button type="button" class="primary" disabled={saving} onClick={() => void start()}>
              {t(START)}
            </button>
          ) : (
            <button type="button" onClick={() => go(step + 1)}>
              {t('wNext', t(STEPS[step + 1]?.[1] ?? 'stTonight'))}
            </button>
          )}
        </div>
      </main>
    </>
  );
}
