// Package setup writes an applicant's first config: the questions of
// `lorkeeper init` in the terminal, and the pieces any first-run setup
// shares (where the mailbox is from the email address, keeping the app
// password in the OS keyring, writing the file readable by its owner
// only).
package setup

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/letters"
)

// Interview is the first-run questions of `lorkeeper init`.
type Interview struct {
	In  io.Reader // a terminal, or scripted answers
	Out io.Writer
	// Path is the config file to write (absolute).
	Path string
	// Now is the current time (nil: time.Now); dates are checked against it.
	Now func() time.Time
	// Zone is the time zone to suggest ("" when unknown).
	Zone string
}

// Result is what the interview decided.
type Result struct {
	Config *config.Config // as written: relative paths, no defaults filled
	Text   []byte         // the file's text
	// Password is the app password to keep (never written to the file),
	// for the account Username; "" when the mailbox signs in otherwise.
	Password, Username string
	// Login names the provider to sign in with (`lorkeeper login`), or "".
	Login string
}

func (iv *Interview) now() time.Time {
	if iv.Now != nil {
		return iv.Now()
	}
	return time.Now()
}

// Run asks every question and returns the config to write. It writes
// nothing itself.
func (iv *Interview) Run(ctx context.Context) (*Result, error) {
	p := newPrompter(ctx, iv.In, iv.Out)
	dir := filepath.Dir(iv.Path)
	c := &config.Config{State: "lorkeeper.db"}
	res := &Result{Config: c}
	p.say("lorkeeper init: a few questions, then lorkeeper writes %s.\n", iv.Path)
	p.say("Press Enter to take the answer in [brackets]. Ctrl-C stops without writing anything.\n")

	p.say("\nAbout you\n")
	if err := iv.applicant(p, dir, &c.Applicant); err != nil {
		return nil, err
	}
	p.say("\nYour mailbox\n")
	if err := iv.mailbox(p, c, res); err != nil {
		return nil, err
	}
	Defaults(c)
	p.say("\nYour letter writers\n")
	p.say("  The guide's advice: 3-4 letters, at least 2 from radiologists, 2-3 from US physicians,\n")
	p.say("  from the last 1-2 years, from people who worked with you for 2-4 weeks or more.\n")
	for {
		w, err := iv.writer(p, c)
		if err != nil {
			return nil, err
		}
		c.Writers = append(c.Writers, w)
		p.say("\n  Letter mix so far:\n")
		for _, a := range Mix(c, iv.now()) {
			p.say("    %s\n", a)
		}
		p.say("\n")
		more, err := p.yesNo("Add another writer?", len(c.Writers) < 4)
		if err != nil {
			return nil, err
		}
		if !more {
			break
		}
	}
	res.Text = Text(c, iv.now(), "lorkeeper init")
	return res, nil
}

// Defaults fills in what every first config has without asking: the
// portals that send upload notices, and the dashboard on its usual port.
func Defaults(c *config.Config) {
	if len(c.Portals.Senders) == 0 {
		c.Portals.Senders = []string{"*@aamc.org", "*@interfolio.com"}
	}
	if c.Dashboard.Port == 0 {
		c.Dashboard.Port = DashboardPort
	}
}

// DashboardPort is the dashboard's port in a config setup writes.
const DashboardPort = 8765

// CycleFor names the application cycle of a letters deadline: letters
// due from June on are for the next year's ERAS (due in September
// 2026: ERAS 2027), earlier ones for that year's.
func CycleFor(deadline time.Time) string {
	y := deadline.Year()
	if deadline.Month() >= time.June {
		y++
	}
	return fmt.Sprintf("ERAS %d", y)
}

// Mix is the letter-mix advice for the writers of c, as `check` gives it
// before anything was sent.
func Mix(c *config.Config, now time.Time) []letters.Advice {
	var ws []letters.MixWriter
	for _, w := range c.Writers {
		ws = append(ws, letters.MixWriter{ID: w.ID, Name: w.Name, Radiologist: w.Radiologist(), US: w.US(),
			Research: w.Role == "research", Start: w.ExperienceStart.Time, End: w.ExperienceEnd.Time})
	}
	return letters.Mix(ws, now)
}

// Text is the config file for c: config.Encode's text under a header
// saying which command wrote it (like "lorkeeper init").
func Text(c *config.Config, now time.Time, command string) []byte {
	head := fmt.Sprintf("# Written by `%s` on %s. Edit it freely: `lorkeeper check`\n"+
		"# says what is wrong, with its line, and a running lorkeeper picks up the change.\n", command, now.Format("2006-01-02"))
	return append([]byte(head), config.Encode(c)...)
}

func (iv *Interview) applicant(p *prompter, dir string, a *config.Applicant) error {
	var err error
	if a.Name, err = p.ask("Your full name, as programs and writers know you", "", OneLine(true)); err != nil {
		return err
	}
	if a.Email, err = p.ask("Your email address (lorkeeper sends and reads your letters' emails there)", "", EmailAddress); err != nil {
		return err
	}
	if a.AAMCID, err = p.ask("Your AAMC ID (the 8-digit number in MyERAS)", "", AAMCID); err != nil {
		return err
	}
	if a.Specialty, err = p.ask("The specialty you apply to", "Diagnostic Radiology", OneLine(true)); err != nil {
		return err
	}
	img, err := p.yesNo("Are you an international medical graduate (IMG)?", false)
	if err != nil {
		return err
	}
	if img {
		citizen, err := p.yesNo("Are you a US citizen?", false)
		if err != nil {
			return err
		}
		a.Background = "non-US citizen IMG"
		if citizen {
			a.Background = "US citizen IMG"
		}
	}
	today := iv.now()
	if a.Deadline, err = iv.date(p, "The date your letters must be uploaded by (YYYY-MM-DD)", "", func(d time.Time) error {
		if d.Before(today.Truncate(24 * time.Hour)) {
			return fmt.Errorf("%s has passed; give the deadline still to come.", d.Format("2006-01-02"))
		}
		return nil
	}); err != nil {
		return err
	}
	if a.Cycle, err = p.ask("The application cycle", CycleFor(a.Deadline.Time), OneLine(true)); err != nil {
		return err
	}
	if a.Timezone, err = p.ask("Your time zone (reminders go out in working hours there)", iv.Zone, TimeZone); err != nil {
		return err
	}
	p.say("  lorkeeper attaches your CV and personal statement to the email that follows a writer's yes.\n")
	p.say("  Type the path of each file, or drag the file into this window.\n")
	if a.CV, err = p.ask("Your CV", "", existingFile(dir)); err != nil {
		return err
	}
	if a.PersonalStatement, err = p.ask("Your personal statement", "", existingFile(dir)); err != nil {
		return err
	}
	return nil
}

// mailbox asks how to reach and sign in to the applicant's mailbox.
func (iv *Interview) mailbox(p *prompter, c *config.Config, res *Result) error {
	email := c.Applicant.Email
	preset := config.PresetForAddress(email)
	if preset != nil {
		p.say("  %s is a %s address: lorkeeper knows its servers.\n", email, preset.Title)
	} else {
		names := []string{"gmail", "microsoft365", "outlook", "icloud", "yahoo", "fastmail", "proton-bridge"}
		var choices []string
		for _, n := range names {
			t := config.Presets[n].Title
			switch n {
			case "gmail":
				t = "Gmail or Google Workspace (a school or hospital account on Google)"
			case "microsoft365":
				t = "Microsoft 365 (a school or hospital account on Outlook / Exchange Online)"
			}
			choices = append(choices, t)
		}
		choices = append(choices, "another provider (you give its IMAP and SMTP servers)")
		p.say("  Who runs the mailbox of %s?\n", email)
		i, err := p.choose("Choose", choices, 0)
		if err != nil {
			return err
		}
		if i < len(names) {
			preset = config.Presets[names[i]]
		} else if err := servers(p, c); err != nil {
			return err
		}
	}
	if preset != nil {
		c.Provider = preset.Name
	}
	signIn := "password"
	switch {
	case preset != nil && preset.OAuth != nil && preset.OAuthByDefault:
		p.say("  %s lets other apps in only with a sign-in through %s (OAuth2), not with a password.\n", preset.Title, preset.OAuth.Issuer)
		signIn = "oauth2"
	case preset != nil && preset.OAuth != nil:
		p.say("  How should lorkeeper sign in to %s?\n", preset.Title)
		i, err := p.choose("Choose", []string{
			preset.Password,
			"sign in with " + preset.OAuth.Issuer + " (needs an OAuth client of your own: README, \"Connect your mailbox\")",
		}, 0)
		if err != nil {
			return err
		}
		if i == 1 {
			signIn = "oauth2"
		}
	}
	if signIn == "oauth2" {
		return oauthClient(p, c, preset, res)
	}
	question := "Paste or type it"
	if preset != nil {
		p.say("  lorkeeper signs in with %s.\n", preset.Password)
	} else {
		p.say("  lorkeeper signs in with your mailbox's password; if your provider offers app passwords,\n")
		p.say("  make one for lorkeeper and give that instead.\n")
		question = "The password"
	}
	if preset != nil && preset.Name == "proton-bridge" {
		ca, err := p.ask("The certificate file Bridge exported", "", existingFile(filepath.Dir(iv.Path)))
		if err != nil {
			return err
		}
		c.IMAP.CAFile, c.SMTP.CAFile = ca, ca
	}
	pw, err := p.secret(question)
	if err != nil {
		return err
	}
	res.Password, res.Username = pw, email
	c.IMAP.PasswordKeyring = true
	return nil
}

// servers asks for the servers of a provider lorkeeper has no preset for.
func servers(p *prompter, c *config.Config) error {
	domain := c.Applicant.Email[strings.LastIndexByte(c.Applicant.Email, '@')+1:]
	p.say("  Your provider's help pages give these (\"IMAP and SMTP settings\").\n")
	var err error
	if c.IMAP.Host, err = p.ask("IMAP server (incoming mail)", "imap."+domain, HostName); err != nil {
		return err
	}
	if c.IMAP.Port, c.IMAP.Security, err = port(p, "IMAP port", 993, map[int]string{993: "tls", 143: "starttls"}); err != nil {
		return err
	}
	if c.SMTP.Host, err = p.ask("SMTP server (outgoing mail)", "smtp."+domain, HostName); err != nil {
		return err
	}
	if c.SMTP.Port, c.SMTP.Security, err = port(p, "SMTP port", 465, map[int]string{465: "tls", 587: "starttls"}); err != nil {
		return err
	}
	return nil
}

// port asks for a port; its transport security follows from the usual
// ports, and is asked for the others.
func port(p *prompter, question string, def int, usual map[int]string) (int, string, error) {
	v, err := p.ask(question, fmt.Sprint(def), func(s string) (string, error) {
		var n int
		if _, err := fmt.Sscan(s, &n); err != nil || n < 1 || n > 65535 || fmt.Sprint(n) != s {
			return "", errors.New("A port is a number like 993 or 465.")
		}
		return s, nil
	})
	if err != nil {
		return 0, "", err
	}
	var n int
	fmt.Sscan(v, &n)
	if sec, ok := usual[n]; ok {
		return n, sec, nil
	}
	i, err := p.choose("How does that port start its encryption?", []string{"TLS from the first byte (\"SSL/TLS\")", "STARTTLS"}, 0)
	return n, []string{"tls", "starttls"}[i], err
}

// oauthClient asks for the applicant's own OAuth client; `lorkeeper
// login` signs in with it afterwards.
func oauthClient(p *prompter, c *config.Config, preset *config.Preset, res *Result) error {
	p.say("  Sign-in needs an OAuth client of your own; README, \"Connect your mailbox\", says how to make one.\n")
	var err error
	if c.OAuth.ClientID, err = p.ask("Its client ID", "", OneLine(true)); err != nil {
		return err
	}
	if preset.OAuth.Issuer == "Google" {
		if c.OAuth.ClientSecret, err = p.ask("Its client secret (Google shows one for a \"Desktop app\" client)", "", OneLine(true)); err != nil {
			return err
		}
	}
	c.IMAP.Auth = "oauth2"
	res.Login = preset.OAuth.Issuer
	return nil
}

// writer asks about one letter writer.
func (iv *Interview) writer(p *prompter, c *config.Config) (config.Writer, error) {
	var w config.Writer
	p.say("\n  Writer %d\n", len(c.Writers)+1)
	var err error
	if w.Name, err = p.ask("Name, with title (like Dr. Jane Smith)", "", OneLine(true)); err != nil {
		return w, err
	}
	if w.Email, err = p.ask("Email address", "", func(s string) (string, error) {
		v, err := EmailAddress(s)
		if err != nil {
			return "", err
		}
		if strings.EqualFold(v, c.Applicant.Email) {
			return "", errors.New("That is your own address; give the writer's.")
		}
		for _, o := range c.Writers {
			if strings.EqualFold(o.Email, v) {
				return "", fmt.Errorf("%s is already %s's address.", v, o.Name)
			}
		}
		return v, nil
	}); err != nil {
		return w, err
	}
	if w.ID, err = p.ask("A short name to type in commands", SuggestID(w.Name, c.Writers), func(s string) (string, error) {
		if !ValidID(s) {
			return "", errors.New("Use letters, digits, - or _ only, no spaces (like smith).")
		}
		for _, o := range c.Writers {
			if o.ID == s {
				return "", fmt.Errorf("%s is already %s; choose another.", s, o.Name)
			}
		}
		return s, nil
	}); err != nil {
		return w, err
	}
	if w.Title, err = p.ask("Their title (like Assistant Professor of Radiology; Enter to skip)", "", OneLine(false)); err != nil {
		return w, err
	}
	if w.Institution, err = p.ask("Their hospital or university (Enter to skip)", "", OneLine(false)); err != nil {
		return w, err
	}
	us, err := p.yesNo("Do they practise in the United States?", true)
	if err != nil {
		return w, err
	}
	w.Country = "US"
	if !us {
		if w.Country, err = p.ask("Their country, as a two-letter code (like NG, IN, GB)", "", Country); err != nil {
			return w, err
		}
	}
	rad, err := p.yesNo("Are they a radiologist?", true)
	if err != nil {
		return w, err
	}
	w.Field = "other"
	if rad {
		w.Field = "radiology"
	}
	research, err := p.yesNo("Was your work with them research (not clinical)?", false)
	if err != nil {
		return w, err
	}
	w.Role = "clinical"
	if research {
		w.Role = "research"
	}
	if w.Experience, err = p.ask("What did you do together (like CT chest rotation)", "", OneLine(true)); err != nil {
		return w, err
	}
	if w.ExperienceStart, err = iv.date(p, "When did it start (YYYY-MM-DD)", "", nil); err != nil {
		return w, err
	}
	start := w.ExperienceStart.Time
	deadline := c.Applicant.Deadline.Time
	if w.ExperienceEnd, err = iv.date(p, "When did it end (YYYY-MM-DD)", "", func(d time.Time) error {
		if d.Before(start) {
			return fmt.Errorf("That is before it started (%s).", start.Format("2006-01-02"))
		}
		if d.After(deadline) {
			return fmt.Errorf("That is after your deadline (%s).", deadline.Format("2006-01-02"))
		}
		return nil
	}); err != nil {
		return w, err
	}
	p.say("  What should the letter be able to mention? One thing a line, like \"Presented three cases at\n")
	p.say("  noon conference\"; lorkeeper puts them in the summary it sends. An empty line ends the list.\n")
	for {
		h, err := p.ask("Highlight (Enter when done)", "", OneLine(false))
		if err != nil {
			return w, err
		}
		if h == "" {
			break
		}
		w.Highlights = append(w.Highlights, h)
	}
	inPerson, err := p.yesNo("Have you already asked them for the letter, in person?", false)
	if err != nil {
		return w, err
	}
	w.Asked = "email"
	if inPerson {
		w.Asked = "in_person"
		p.say("  lorkeeper drafts the follow-up with your letter packet for them.\n")
	} else {
		p.say("  lorkeeper drafts the email asking them for a strong letter; nothing is sent before you approve it.\n")
	}
	return w, nil
}

// date asks for a date; more, when set, checks it further.
func (iv *Interview) date(p *prompter, question, def string, more func(time.Time) error) (config.Date, error) {
	v, err := p.ask(question, def, func(s string) (string, error) {
		d, err := ParseDate(s)
		if err != nil {
			return "", err
		}
		if more != nil {
			if err := more(d.Time); err != nil {
				return "", err
			}
		}
		return s, nil
	})
	if err != nil {
		return config.Date{}, err
	}
	return ParseDate(v)
}

// ParseDate reads a date answer (YYYY-MM-DD, as a browser's date field
// sends it too), or says how to write it.
func ParseDate(s string) (config.Date, error) {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		return config.Date{}, errors.New("Please write the date as year-month-day, like 2027-09-01.")
	}
	return config.Date{Time: d}, nil
}

// OneLine checks a free answer; required refuses an empty one. The
// checks below return the answer to keep, or a sentence for the applicant
// saying what to write instead (shared by init and the browser setup).
func OneLine(required bool) func(string) (string, error) {
	return func(s string) (string, error) {
		if s == "" && required {
			return "", errors.New("Please answer this one; it is needed.")
		}
		return s, nil
	}
}

// EmailAddress checks a bare address like name@example.org.
func EmailAddress(s string) (string, error) {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || !strings.Contains(s[strings.LastIndexByte(s, '@')+1:], ".") {
		return "", errors.New("That is not an email address like name@example.org.")
	}
	return s, nil
}

// AAMCID checks an AAMC ID (7 to 10 digits).
func AAMCID(s string) (string, error) {
	if len(s) < 7 || len(s) > 10 || strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return "", errors.New("An AAMC ID is a number of 8 digits, like 14598237.")
	}
	return s, nil
}

// TimeZone checks an IANA time zone name.
func TimeZone(s string) (string, error) {
	if s == "" || s == "Local" {
		return "", errors.New("Please give a time zone name like America/New_York, Asia/Kolkata or Africa/Lagos.")
	}
	if _, err := time.LoadLocation(s); err != nil {
		return "", fmt.Errorf("%q is not a time zone name; write it like America/New_York, Asia/Kolkata or Africa/Lagos.", s)
	}
	return s, nil
}

// HostName checks a server name.
func HostName(s string) (string, error) {
	if s == "" || strings.ContainsAny(s, " /:@") {
		return "", errors.New("Give the server's name only, like imap.example.org.")
	}
	return s, nil
}

// Country checks a two-letter country code other than US, upper-cased.
func Country(s string) (string, error) {
	s = strings.ToUpper(s)
	if len(s) != 2 || !unicode.IsLetter(rune(s[0])) || !unicode.IsLetter(rune(s[1])) {
		return "", errors.New("Please give the two-letter code of the country, like NG for Nigeria or IN for India.")
	}
	if s == "US" {
		return "", errors.New("US is the United States; answer the question before with y.")
	}
	return s, nil
}

// existingFile checks a path typed or dragged into the terminal, and
// returns it relative to dir when it is inside dir.
func existingFile(dir string) func(string) (string, error) {
	return func(s string) (string, error) {
		path := CleanPath(s)
		if path == "" {
			return "", errors.New("Please give the file; it is needed.")
		}
		abs := path
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(dir, abs)
		}
		st, err := os.Stat(abs)
		switch {
		case err != nil:
			return "", fmt.Errorf("There is no file at %s; check the name, or drag the file here.", abs)
		case st.IsDir():
			return "", fmt.Errorf("%s is a folder; give the file in it.", abs)
		}
		if rel, err := filepath.Rel(dir, abs); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel), nil
		}
		return abs, nil
	}
}

// CleanPath undoes what a terminal does to a dragged file's path: the
// quotes around it (Windows, and macOS for some names), the backslashes
// before spaces (macOS, Linux), a leading ~/.
func CleanPath(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		s = s[1 : len(s)-1]
	} else if filepath.Separator == '/' && strings.Contains(s, `\`) {
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			if s[i] == '\\' && i+1 < len(s) {
				i++
			}
			b.WriteByte(s[i])
		}
		s = b.String()
	}
	if strings.HasPrefix(s, "~/") || strings.HasPrefix(s, `~\`) {
		if home, err := os.UserHomeDir(); err == nil {
			s = filepath.Join(home, s[2:])
		}
	}
	return s
}

// SuggestID proposes a writer's short name from their name, unused by
// others.
func SuggestID(name string, others []config.Writer) string {
	fields := strings.Fields(name)
	base := ""
	for i := len(fields) - 1; i >= 0 && base == ""; i-- {
		for _, r := range strings.ToLower(fields[i]) {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				base += string(r)
			}
		}
	}
	if base == "" {
		base = "writer"
	}
	id := base
	for n := 2; ; n++ {
		taken := false
		for _, o := range others {
			taken = taken || o.ID == id
		}
		if !taken {
			return id
		}
		id = fmt.Sprintf("%s%d", base, n)
	}
}

// ValidID reports whether id is a writer's short name lorkeeper accepts.
func ValidID(id string) bool {
	if id == "" || len(id) > 32 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}
