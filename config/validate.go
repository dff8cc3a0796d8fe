package config

import (
	"fmt"
	"net"
	"net/mail"
	"os"
	"strings"
	"time"
)

// Templates that may be auto-approved. Asks and follow-ups always wait
// for the applicant: they are the emails that shape the letter.
var autoApprovable = map[string]bool{"reminder": true, "thank_you": true}

func (c *Config) validate(ps *Problems) {
	a := &c.Applicant
	required(ps, "applicant.name", a.Name)
	required(ps, "applicant.email", a.Email)
	required(ps, "applicant.aamc_id", a.AAMCID)
	required(ps, "applicant.specialty", a.Specialty)
	required(ps, "applicant.cycle", a.Cycle)
	if a.Deadline.IsZero() && a.ReviewDate.IsZero() {
		ps.add("applicant", "applicant.deadline is missing: the date letters must be uploaded by, like 2027-09-01 (or review_date, the day programs can review, and lorkeeper works back from it)")
	}
	checkEmail(ps, "applicant.email", a.Email)
	for _, k := range []struct{ path, v string }{
		{"applicant.name", a.Name}, {"applicant.specialty", a.Specialty},
		{"applicant.background", a.Background}, {"applicant.cycle", a.Cycle},
		{"applicant.aamc_id", a.AAMCID}, {"applicant.phone", a.Phone},
	} {
		singleLine(ps, k.path, k.v)
	}
	if loc, err := time.LoadLocation(a.Timezone); err != nil {
		ps.add("applicant.timezone", "applicant.timezone: %q is not a time zone name like \"America/New_York\"", a.Timezone)
	} else {
		a.Location = loc
	}
	c.setDue()
	fileExists(ps, "applicant.cv", a.CV)
	fileExists(ps, "applicant.personal_statement", a.PersonalStatement)
	for _, p := range a.Attachments {
		fileExists(ps, "applicant.attachments", p)
	}
	if c.Templates != "" {
		if st, err := os.Stat(c.Templates); err != nil || !st.IsDir() {
			ps.add("templates", "templates: folder %s does not exist", c.Templates)
		}
	}

	c.validateProvider(ps)
	c.validateServer(ps, "imap", c.IMAP.Host, c.IMAP.Port, c.IMAP.Security, c.IMAP.Username, c.IMAP.Secret, c.IMAP.CAFile)
	c.validateServer(ps, "smtp", c.SMTP.Host, c.SMTP.Port, c.SMTP.Security, c.SMTP.Username, c.SMTP.Secret, c.SMTP.CAFile)
	c.validateOAuth(ps)
	singleLine(ps, "imap.mailbox", c.IMAP.Mailbox)
	switch c.SMTP.SentCopy {
	case "auto", "append", "none":
	default:
		ps.add("smtp.sent_copy", "smtp.sent_copy must be auto, append or none, not %q", c.SMTP.SentCopy)
	}
	if c.SMTP.MaxPerMinute < 0 {
		ps.add("smtp.max_per_minute", "smtp.max_per_minute must be positive")
	}

	s := &c.Schedule
	if n := c.MaxReminders(); n < 0 || n > 10 {
		ps.add("schedule.max_reminders", "schedule.max_reminders must be between 0 and 10, not %d", n)
	}
	if s.DigestEvery != nil {
		d, err := ParseDuration(*s.DigestEvery)
		if err != nil {
			ps.add("schedule.digest_every", "schedule.digest_every: %v", err)
		}
		s.Digest = d
	}
	for _, t := range s.AutoApprove {
		if !autoApprovable[t] {
			ps.add("schedule.auto_approve", "schedule.auto_approve: %q cannot be auto-approved; only reminder and thank_you can", t)
		}
	}
	for _, p := range c.Portals.Senders {
		if !validSenderPattern(p) {
			ps.add("portals.senders", "portals.senders: %q is not an address or a pattern like \"*@aamc.org\"", p)
		}
	}
	if c.Dashboard.Port < 0 || c.Dashboard.Port > 65535 {
		ps.add("dashboard.port", "dashboard.port %d is not a port number", c.Dashboard.Port)
	}
	c.validateWriters(ps)
	c.validateLetters(ps)
}

func (c *Config) validateServer(ps *Problems, sec, host string, port int, security, user string, secret Secret, caFile string) {
	required(ps, sec+".host", host)
	singleLine(ps, sec+".host", host)
	if port < 1 || port > 65535 {
		ps.add(sec+".port", "%s.port %d is not a port number", sec, port)
	}
	switch security {
	case "tls", "starttls":
	case "none":
		if host != "" && !IsLoopback(host) {
			ps.add(sec+".security", "%s.security = \"none\" would send the password in the clear to %s; it is only allowed for a loopback host", sec, host)
		}
	default:
		ps.add(sec+".security", "%s.security must be tls, starttls or none, not %q", sec, security)
	}
	required(ps, sec+".username", user)
	c.validateSecret(ps, sec, secret, map[string]*Preset{"imap": c.Resolved.IMAP, "smtp": c.Resolved.SMTP}[sec])
	fileExists(ps, sec+".ca_file", caFile)
}

func (c *Config) validateWriters(ps *Problems) {
	if len(c.Writers) == 0 {
		ps.add("", "no [[writer]]: add one table per letter writer")
	}
	ids := map[string]int{}
	emails := map[string]int{}
	for i := range c.Writers {
		w := &c.Writers[i]
		p := func(key string) string { return fmt.Sprintf("writer.%d.%s", i, key) }
		who := fmt.Sprintf("writer %q", w.ID)
		if w.ID == "" {
			who = fmt.Sprintf("writer[%d]", i+1)
			ps.add(fmt.Sprintf("writer.%d", i), "%s: id is missing", who)
		} else if !validID(w.ID) {
			ps.add(p("id"), "%s: id must be short letters, digits, - or _ (it is typed on the command line)", who)
		} else if j, dup := ids[w.ID]; dup {
			ps.add(p("id"), "%s: id is also used by writer[%d]", who, j+1)
		} else {
			ids[w.ID] = i
		}
		for _, k := range []struct{ key, v string }{{"name", w.Name}, {"email", w.Email}, {"experience", w.Experience}} {
			if strings.TrimSpace(k.v) == "" {
				ps.add(p(k.key), "%s: %s is missing", who, k.key)
			}
		}
		if w.Email != "" {
			if addr, ok := checkEmail(ps, p("email"), w.Email); ok {
				key := strings.ToLower(addr)
				if j, dup := emails[key]; dup {
					ps.add(p("email"), "%s: email %s is also writer[%d]'s", who, w.Email, j+1)
				} else {
					emails[key] = i
				}
				if strings.EqualFold(addr, c.Applicant.Email) {
					ps.add(p("email"), "%s: email is the applicant's own address", who)
				}
			}
		}
		for _, k := range []struct{ key, v string }{
			{"name", w.Name}, {"salutation", w.Salutation}, {"title", w.Title},
			{"institution", w.Institution}, {"experience", w.Experience}, {"letter_id", w.LetterID},
		} {
			singleLine(ps, p(k.key), k.v)
		}
		for _, h := range w.Highlights {
			singleLine(ps, p("highlights"), h)
		}
		oneOf(ps, p("field"), who, "field", w.Field, "radiology", "other")
		oneOf(ps, p("role"), who, "role", w.Role, "clinical", "research")
		oneOf(ps, p("asked"), who, "asked", w.Asked, "email", "in_person")
		if len(w.Country) != 2 {
			ps.add(p("country"), "%s: country must be a two-letter code such as \"US\", not %q", who, w.Country)
		}
		if w.ExperienceStart.IsZero() {
			ps.add(p("experience_start"), "%s: experience_start is missing", who)
		}
		if w.ExperienceEnd.IsZero() {
			ps.add(p("experience_end"), "%s: experience_end is missing", who)
		}
		if !w.ExperienceStart.IsZero() && !w.ExperienceEnd.IsZero() && w.ExperienceEnd.Before(w.ExperienceStart.Time) {
			ps.add(p("experience_end"), "%s: experience_end %s is before experience_start %s", who, w.ExperienceEnd, w.ExperienceStart)
		}
		if due := c.Applicant.Due.Date; !w.ExperienceEnd.IsZero() && !due.IsZero() && w.ExperienceEnd.In(due.Location()).After(due) {
			ps.add(p("experience_end"), "%s: experience_end %s is after the day letters are due, %s", who, w.ExperienceEnd, due.Format("2006-01-02"))
		}
	}
}

func required(ps *Problems, path, v string) {
	if strings.TrimSpace(v) == "" {
		ps.add(path, "%s is missing", path)
	}
}

// singleLine refuses CR and LF: these values end up in headers, where a
// line break would let a value add headers of its own.
func singleLine(ps *Problems, path, v string) {
	if strings.ContainsAny(v, "\r\n") {
		ps.add(path, "%s contains a line break; it must be one line (it is used in email headers)", displayKey(path))
	}
}

func checkEmail(ps *Problems, path, v string) (string, bool) {
	if v == "" {
		return "", false
	}
	a, err := mail.ParseAddress(v)
	if err != nil || a.Name != "" || a.Address != v || !strings.Contains(a.Address[strings.LastIndexByte(a.Address, '@')+1:], ".") && !strings.HasSuffix(a.Address, "@localhost") {
		ps.add(path, "%s: %q is not an email address like name@example.org", displayKey(path), v)
		return "", false
	}
	return a.Address, true
}

func fileExists(ps *Problems, path, file string) {
	if file == "" {
		return
	}
	st, err := os.Stat(file)
	switch {
	case err != nil:
		ps.add(path, "%s: file %s does not exist", displayKey(path), file)
	case st.IsDir():
		ps.add(path, "%s: %s is a folder, not a file", displayKey(path), file)
	}
}

func oneOf(ps *Problems, path, who, key, v string, allowed ...string) {
	for _, a := range allowed {
		if v == a {
			return
		}
	}
	if v == "" {
		ps.add(path, "%s: %s is missing (one of %s)", who, key, strings.Join(allowed, ", "))
		return
	}
	ps.add(path, "%s: %s must be one of %s, not %q", who, key, strings.Join(allowed, ", "), v)
}

func validID(id string) bool {
	if len(id) > 32 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

func validSenderPattern(p string) bool {
	at := strings.LastIndexByte(p, '@')
	if at <= 0 || at == len(p)-1 {
		return false
	}
	if p[:at] == "*" {
		return !strings.ContainsAny(strings.TrimPrefix(p[at+1:], "*."), "*@ ")
	}
	_, err := mail.ParseAddress(p)
	return err == nil
}

// MatchSender reports whether addr matches a portal sender pattern: an
// exact address, "*@domain" for any address at domain, or "*@*.domain"
// for its subdomains too.
func MatchSender(pattern, addr string) bool {
	pattern, addr = strings.ToLower(pattern), strings.ToLower(addr)
	if !strings.HasPrefix(pattern, "*@") {
		return pattern == addr
	}
	domain := pattern[2:]
	at := strings.LastIndexByte(addr, '@')
	if at < 0 {
		return false
	}
	host := addr[at+1:]
	if strings.HasPrefix(domain, "*.") {
		return strings.HasSuffix(host, domain[1:])
	}
	return host == domain
}

// IsLoopback reports whether host names the local machine.
func IsLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
