// Package config loads and validates a lorkeeper configuration file: one
// TOML file per applicant describing the applicant, their mailbox and their
// letter writers.
//
// Load reads a file, checks everything in one pass and returns either a
// ready Config or an *Error listing every problem as FILE:LINE: message.
// config.example.toml at the repository root documents every key.
package config

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/lorkeeper/lorkeeper/letters"
)

// Config is one applicant's configuration. Paths in it are absolute.
type Config struct {
	Path      string `toml:"-"` // the file it was loaded from, absolute
	State     string `toml:"state"`
	Templates string `toml:"templates"` // folder whose files override the embedded templates; "" for none
	Provider  string `toml:"provider"`  // a preset name (see Presets); "" infers it from the applicant's address
	Secrets   string `toml:"secrets"`   // where login keeps tokens: auto | keyring | file

	Applicant Applicant `toml:"applicant"`
	IMAP      IMAP      `toml:"imap"`
	SMTP      SMTP      `toml:"smtp"`
	Schedule  Schedule  `toml:"schedule"`
	Portals   Portals   `toml:"portals"`
	Dashboard Dashboard `toml:"dashboard"`
	OAuth     OAuth     `toml:"oauth"`
	Writers   []Writer  `toml:"writer"`
	Programs  []Program `toml:"program"`

	Resolved Resolution `toml:"-"` // what the provider presets filled in

	lines lineIndex
}

// Applicant describes the person applying.
type Applicant struct {
	Name              string   `toml:"name"`
	Email             string   `toml:"email"`
	AAMCID            string   `toml:"aamc_id"`
	Specialty         string   `toml:"specialty"`
	Background        string   `toml:"background"`
	Cycle             string   `toml:"cycle"`
	Timezone          string   `toml:"timezone"`
	Deadline          Date     `toml:"deadline"`    // letters must be uploaded by this day; or:
	ReviewDate        Date     `toml:"review_date"` // programs can review from this day: lorkeeper works back from it
	IMG               *bool    `toml:"img"`         // default: background says IMG
	ECFMGDays         *int     `toml:"ecfmg_days"`  // business days ECFMG may take, for an IMG (default 5)
	MarginDays        *int     `toml:"margin_days"` // business days of margin (default 2)
	CV                string   `toml:"cv"`
	PersonalStatement string   `toml:"personal_statement"`
	Attachments       []string `toml:"attachments"` // more files for the letter packet
	Phone             string   `toml:"phone"`

	// Facts writers ask about; lorkeeper fills them into its answers to
	// their questions. Any may be "".
	USMLEStep1       string `toml:"usmle_step1"`       // "Pass, May 2025"
	USMLEStep2       string `toml:"usmle_step2"`       // "251, January 2026"
	COMLEX           string `toml:"comlex"`            // for DOs
	ECFMG            string `toml:"ecfmg"`             // "Certified, March 2026" or "Step 2 CK pending"
	Visa             string `toml:"visa"`              // "J-1 (ECFMG sponsorship)", "none needed"
	ProgramsApplying int    `toml:"programs_applying"` // how many programs

	Location *time.Location `toml:"-"`
	// Due is when letters must be in, and why: Deadline, or worked back
	// from ReviewDate.
	Due letters.Due `toml:"-"`
}

// Secret says where a password or OAuth2 token comes from: exactly one
// of the commands, the variable or the kept password, or Auth "oauth2"
// for the tokens of `lorkeeper login` (from Tokens).
type Secret struct {
	PasswordEnv string `toml:"password_env"`
	PasswordCmd string `toml:"password_cmd"`
	// PasswordKeyring: the app password `lorkeeper init` (or setup) kept
	// in the OS keyring, or the secrets file, under PasswordKey(username);
	// read through Passwords.
	PasswordKeyring bool   `toml:"password_keyring"`
	OAuth2TokenCmd  string `toml:"oauth2_token_cmd"`
	Auth            string `toml:"auth"`             // password | oauth2; "" decides from the rest
	OAuth2Mechanism string `toml:"oauth2_mechanism"` // xoauth2 | oauthbearer

	// Tokens gives the access tokens when Auth is "oauth2"; whoever
	// opens the applicant sets it (daemon.Open does).
	Tokens TokenSource `toml:"-"`
	// Passwords gives the kept password when PasswordKeyring is set;
	// daemon.Open sets it too.
	Passwords PasswordSource `toml:"-"`
}

// PasswordSource gives the app passwords kept for a mailbox's users. Its
// errors are fit to show and never contain a password.
type PasswordSource interface {
	Password(username string) (string, error)
}

// PasswordKey names a user's app password in the secrets store.
func PasswordKey(username string) string { return "password:" + strings.ToLower(username) }

// IMAP is the mailbox lorkeeper watches.
type IMAP struct {
	Provider string `toml:"provider"`
	Host     string `toml:"host"`
	Port     int    `toml:"port"`
	Security string `toml:"security"` // tls | starttls | none
	Username string `toml:"username"`
	Secret
	CAFile          string   `toml:"ca_file"`
	Mailbox         string   `toml:"mailbox"`
	SentMailbox     string   `toml:"sent_mailbox"`   // "" finds it by SPECIAL-USE
	DraftsMailbox   string   `toml:"drafts_mailbox"` // "" finds it by SPECIAL-USE
	DraftsInMailbox *bool    `toml:"drafts_in_mailbox"`
	DraftsPoll      Duration `toml:"drafts_poll"` // how often the Drafts folder is reconciled
	IdleRenew       Duration `toml:"idle_renew"`
	PollInterval    Duration `toml:"poll_interval"`
	Since           Date     `toml:"since"` // first run: read mail from this date on

	// SentFallback and DraftsFallback are the preset's folder names,
	// used when the server marks no folder with SPECIAL-USE.
	SentFallback, DraftsFallback string `toml:"-"`
}

// SMTP is the server lorkeeper sends through.
type SMTP struct {
	Provider string `toml:"provider"`
	Host     string `toml:"host"`
	Port     int    `toml:"port"`
	Security string `toml:"security"`
	Username string `toml:"username"`
	Secret
	CAFile       string   `toml:"ca_file"`
	SentCopy     string   `toml:"sent_copy"` // auto | append | none
	MaxPerMinute int      `toml:"max_per_minute"`
	RetryAfter   Duration `toml:"retry_after"` // first wait after a temporary failure
}

// Schedule controls reminders, the digest and auto-approval.
type Schedule struct {
	FirstReminderAfter Duration `toml:"first_reminder_after"`
	ReminderEvery      Duration `toml:"reminder_every"`
	MaxReminders       *int     `toml:"max_reminders"`
	DigestEvery        *string  `toml:"digest_every"`
	BusinessHours      *bool    `toml:"business_hours"`
	AutoApprove        []string `toml:"auto_approve"`

	Digest time.Duration `toml:"-"` // parsed DigestEvery; 0 is off
}

// Portals lists the senders of letter-upload notices.
type Portals struct {
	Senders []string `toml:"senders"`
	// AuthservID is the authserv-id of the applicant's provider, whose
	// topmost Authentication-Results header proves a notice's sender
	// (RFC 8601); preset by provider. "" trusts only DKIM signatures
	// lorkeeper checks itself.
	AuthservID string `toml:"authserv_id"`
	// Profiles are the letter systems whose notices lorkeeper reads
	// (eras, residencycas, fellowshipscas, carms, interfolio); default
	// eras. Their senders join Senders.
	Profiles []string `toml:"profiles"`
}

// Dashboard configures the local review page.
type Dashboard struct {
	Port int `toml:"port"` // 0 is off; always on 127.0.0.1
}

// Writer is one letter writer.
type Writer struct {
	ID              string   `toml:"id"`
	Name            string   `toml:"name"`
	Salutation      string   `toml:"salutation"`
	Email           string   `toml:"email"`
	Title           string   `toml:"title"`
	Institution     string   `toml:"institution"`
	Country         string   `toml:"country"`
	Field           string   `toml:"field"` // radiology | other
	Role            string   `toml:"role"`  // clinical | research
	Asked           string   `toml:"asked"` // email | in_person
	Experience      string   `toml:"experience"`
	ExperienceStart Date     `toml:"experience_start"`
	ExperienceEnd   Date     `toml:"experience_end"`
	Highlights      []string `toml:"highlights"`
	LetterID        string   `toml:"letter_id"` // the one letter's Letter ID, when there is no [[writer.letter]]
	Letters         []Letter `toml:"letter"`    // [[writer.letter]]: the writer's ERAS letters; default one

	Line int `toml:"-"` // line of its [[writer]] header
}

// Radiologist reports whether the writer is a radiologist.
func (w Writer) Radiologist() bool { return w.Field == "radiology" }

// US reports whether the writer practises in the United States.
func (w Writer) US() bool { return strings.EqualFold(w.Country, "US") }

// Writer returns the writer with the given id.
func (c *Config) Writer(id string) (Writer, bool) {
	for _, w := range c.Writers {
		if w.ID == id {
			return w, true
		}
	}
	return Writer{}, false
}

// DraftsInMailbox reports whether drafts are also put in the mailbox's
// Drafts folder (on by default).
func (c *Config) DraftsInMailbox() bool {
	return c.IMAP.DraftsInMailbox == nil || *c.IMAP.DraftsInMailbox
}

// BusinessHours reports whether reminders wait for a weekday between 9:00
// and 17:00 in the applicant's timezone (on by default).
func (c *Config) BusinessHours() bool {
	return c.Schedule.BusinessHours == nil || *c.Schedule.BusinessHours
}

// MaxReminders is the most regular reminders a writer gets (3 by default).
func (c *Config) MaxReminders() int {
	if c.Schedule.MaxReminders == nil {
		return 3
	}
	return *c.Schedule.MaxReminders
}

// AutoApproves reports whether drafts of the given template are approved
// without review.
func (c *Config) AutoApproves(template string) bool {
	for _, t := range c.Schedule.AutoApprove {
		if t == template {
			return true
		}
	}
	return false
}

// Line returns the line of a key path such as "imap.host" or
// "writer.0.email", or 0 if unknown.
func (c *Config) Line(path string) int { return c.lines.line(path) }

// Load reads, decodes and validates the file at path. Problems are
// reported together as an *Error. Load does file I/O (the file, and a stat
// of every path it names) but starts no commands: secrets are read later.
func Load(path string) (*Config, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("load config: %w", err)
	}
	data, err := os.ReadFile(abs)
	if err != nil {
		return nil, fmt.Errorf("load config: %w", err)
	}
	return Parse(abs, data)
}

// Parse decodes and validates a config whose text is data; file names it
// in messages and anchors relative paths. It does no I/O but stat calls on
// the paths the config names.
func Parse(file string, data []byte) (*Config, error) {
	ps := &Problems{file: file, lines: indexLines(string(data))}
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		if pe, ok := err.(toml.ParseError); ok {
			return nil, &Error{Problems: []Problem{{File: file, Line: pe.Position.Line, Msg: "not valid TOML: " + pe.Message}}}
		}
		return nil, &Error{Problems: []Problem{{File: file, Msg: "not valid TOML: " + err.Error()}}}
	}
	c := &Config{Path: file, lines: ps.lines}
	d := &decoder{problems: ps}
	d.table(raw, "", reflectValue(c))
	c.setDefaults()
	c.validate(ps)
	if len(ps.list) > 0 {
		sort.SliceStable(ps.list, func(i, j int) bool { return ps.list[i].Line < ps.list[j].Line })
		return nil, &Error{Problems: ps.list}
	}
	return c, nil
}

func (c *Config) setDefaults() {
	dir := filepath.Dir(c.Path)
	c.applyPresets()
	if c.Secrets == "" {
		c.Secrets = "auto"
	}
	if c.State == "" {
		c.State = "lorkeeper.db"
	}
	c.State = resolve(dir, c.State)
	if c.Templates != "" {
		c.Templates = resolve(dir, c.Templates)
	}
	a := &c.Applicant
	a.CV = resolve(dir, a.CV)
	a.PersonalStatement = resolve(dir, a.PersonalStatement)
	for i, p := range a.Attachments {
		a.Attachments[i] = resolve(dir, p)
	}
	if a.Timezone == "" {
		a.Timezone = "UTC"
	}
	for _, s := range []*string{&c.IMAP.Security, &c.SMTP.Security} {
		if *s == "" {
			*s = "tls"
		}
	}
	if c.IMAP.Port == 0 {
		c.IMAP.Port = map[string]int{"tls": 993}[c.IMAP.Security]
		if c.IMAP.Port == 0 {
			c.IMAP.Port = 143
		}
	}
	if c.SMTP.Port == 0 {
		c.SMTP.Port = map[string]int{"tls": 465}[c.SMTP.Security]
		if c.SMTP.Port == 0 {
			c.SMTP.Port = 587
		}
	}
	if c.IMAP.Username == "" {
		c.IMAP.Username = a.Email
	}
	if c.SMTP.Username == "" {
		c.SMTP.Username = c.IMAP.Username
	}
	if c.SMTP.Secret == (Secret{}) {
		c.SMTP.Secret = c.IMAP.Secret
		c.Resolved.SMTPSecretCopied = true
	}
	c.IMAP.CAFile = resolve(dir, c.IMAP.CAFile)
	c.SMTP.CAFile = resolve(dir, c.SMTP.CAFile)
	if c.IMAP.Mailbox == "" {
		c.IMAP.Mailbox = "INBOX"
	}
	if c.IMAP.IdleRenew == 0 {
		c.IMAP.IdleRenew = Duration(5 * time.Minute)
	}
	if c.IMAP.PollInterval == 0 {
		c.IMAP.PollInterval = Duration(time.Minute)
	}
	if c.SMTP.SentCopy == "" {
		c.SMTP.SentCopy = "auto"
	}
	if c.SMTP.MaxPerMinute == 0 {
		c.SMTP.MaxPerMinute = 10
	}
	if c.SMTP.RetryAfter == 0 {
		c.SMTP.RetryAfter = Duration(30 * time.Second)
	}
	if c.IMAP.DraftsPoll == 0 {
		c.IMAP.DraftsPoll = Duration(10 * time.Second)
	}
	s := &c.Schedule
	if s.FirstReminderAfter == 0 {
		s.FirstReminderAfter = Duration(14 * 24 * time.Hour)
	}
	if s.ReminderEvery == 0 {
		s.ReminderEvery = Duration(7 * 24 * time.Hour)
	}
	if s.DigestEvery == nil {
		s.Digest = 24 * time.Hour
	}
	for i := range c.Writers {
		w := &c.Writers[i]
		w.Line = c.lines.line(fmt.Sprintf("writer.%d", i))
		if w.Country == "" {
			w.Country = "US"
		}
		if w.Asked == "" {
			w.Asked = "email"
		}
		if w.Role == "" {
			w.Role = "clinical"
		}
	}
	c.setLetterDefaults()
	c.resolveAuth()
}

func resolve(dir, p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	if strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, p[2:])
		}
	}
	return filepath.Join(dir, p)
}
