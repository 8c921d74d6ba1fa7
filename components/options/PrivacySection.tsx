/** What is stored, where, and that nothing leaves the computer. */
export function PrivacySection() {
  return (
    <div class="privacy">
      <ul>
        <li>
          <strong>Your settings</strong> — hours, days off, sites, messages — are kept in your browser's own storage. If you sign in to the browser with sync
          on, the browser carries them to your other computers through your account; Clocked Out has no server.
        </li>
        <li>
          <strong>Your after-hours history</strong> — when an exception started and ended, which work site (its name or host name only) and for how long — stays
          on this computer and is deleted after a year.
        </li>
        <li>
          <strong>Never stored:</strong> a page's address beyond its host name, its title or anything on it. EHR addresses and titles can name clients, so
          Clocked Out looks at the host name in memory and forgets the rest.
        </li>
        <li>
          <strong>Nothing leaves your computer.</strong> Clocked Out makes no network requests, has no analytics and loads no code from anywhere. A blocked site
          is stopped by the browser before any request is sent.
        </li>
      </ul>
    </div>
  );
}
