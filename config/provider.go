package config

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// publicSuffix is the end of a provider's country domain: com, fr, co.uk.
var publicSuffix = regexp.MustCompile(`^[a-z]{2,3}(\.[a-z]{2})?$`)

// Preset is what lorkeeper knows about a mail provider: where its servers
// are, how to sign in, what its folders are called when the server does
// not say (SPECIAL-USE), and whether it files sent mail by itself.
// `provider = "gmail"` fills every key the config leaves unset from it.
type Preset struct {
	Name  string // the value of the provider key
	Title string // for people: "Gmail", "Outlook.com"

	IMAP, SMTP Endpoint
	// OAuth is how to sign in with OAuth2; nil when the provider lets
	// other apps in with app passwords only.
	OAuth *OAuthPreset
	// OAuthByDefault: sign in with OAuth2 unless a password is set
	// (Microsoft no longer accepts passwords over IMAP).
	OAuthByDefault bool
	// Mechanisms are the SASL mechanisms its servers accept a token
	// with, the default first.
	Mechanisms []string

	Sent, Drafts string // folder names to use when SPECIAL-USE is missing
	FilesSent    bool   // the server puts SMTP-submitted mail in Sent itself
	AuthservID   string // whose Authentication-Results header to trust
	// Password says how to get an app password, for messages.
	Password string
	// Domains are the address domains that choose this preset by
	// themselves; a trailing "." matches any ending (hotmail.co.uk).
	Domains []string
}

// Endpoint is a server's address and transport security.
type Endpoint struct {
	Host     string
	Port     int
	Security string
}

// OAuthPreset is a provider's OAuth2 authorization server.
type OAuthPreset struct {
	Issuer                           string // "Google", named in messages
	AuthURL, TokenURL, DeviceAuthURL string // {tenant} is replaced by [oauth] tenant
	Tenant                           string // default tenant (Microsoft)
	Scopes                           []string
	Flow                             string            // default flow: browser | device
	Params                           map[string]string // extra authorization-request parameters
	RedirectHost                     string            // host of the loopback redirect URI
	// TestingLimit: refresh tokens of an app left in "Testing" die after
	// 7 days (Google).
	TestingLimit bool
}

var google = &OAuthPreset{
	Issuer:   "Google",
	AuthURL:  "https://accounts.google.com/o/oauth2/auth",
	TokenURL: "https://oauth2.googleapis.com/token",
	// Google's device flow does not allow the mail scope.
	Scopes:       []string{"https://mail.google.com/"},
	Flow:         "browser",
	Params:       map[string]string{"access_type": "offline", "prompt": "consent"},
	RedirectHost: "127.0.0.1",
	TestingLimit: true,
}

func microsoft(tenant string) *OAuthPreset {
	return &OAuthPreset{
		Issuer:        "Microsoft",
		AuthURL:       "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize",
		TokenURL:      "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token",
		DeviceAuthURL: "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/devicecode",
		Tenant:        tenant,
		Scopes: []string{"https://outlook.office.com/IMAP.AccessAsUser.All",
			"https://outlook.office.com/SMTP.Send", "offline_access"},
		Flow:         "device",
		RedirectHost: "localhost",
	}
}

// Presets are the providers lorkeeper knows, by name.
var Presets = map[string]*Preset{
	"gmail": {
		Name: "gmail", Title: "Gmail",
		IMAP: Endpoint{"imap.gmail.com", 993, "tls"}, SMTP: Endpoint{"smtp.gmail.com", 465, "tls"},
		OAuth: google, Mechanisms: []string{"xoauth2", "oauthbearer"},
		Sent: "[Gmail]/Sent Mail", Drafts: "[Gmail]/Drafts", FilesSent: true,
		AuthservID: "mx.google.com",
		Password:   "an app password (https://myaccount.google.com/apppasswords; it needs 2-Step Verification, and a change of your Google password revokes it)",
		Domains:    []string{"gmail.com", "googlemail.com"},
	},
	"outlook": {
		Name: "outlook", Title: "Outlook.com",
		IMAP: Endpoint{"outlook.office365.com", 993, "tls"}, SMTP: Endpoint{"smtp-mail.outlook.com", 587, "starttls"},
		OAuth: microsoft("consumers"), OAuthByDefault: true, Mechanisms: []string{"xoauth2"},
		Sent: "Sent", Drafts: "Drafts", FilesSent: true,
		Domains: []string{"outlook.com", "hotmail.", "live.com"},
	},
	"microsoft365": {
		Name: "microsoft365", Title: "Microsoft 365",
		IMAP: Endpoint{"outlook.office365.com", 993, "tls"}, SMTP: Endpoint{"smtp.office365.com", 587, "starttls"},
		OAuth: microsoft("organizations"), OAuthByDefault: true, Mechanisms: []string{"xoauth2"},
		Sent: "Sent Items", Drafts: "Drafts", FilesSent: true,
	},
	"icloud": {
		Name: "icloud", Title: "iCloud Mail",
		IMAP: Endpoint{"imap.mail.me.com", 993, "tls"}, SMTP: Endpoint{"smtp.mail.me.com", 587, "starttls"},
		Sent: "Sent Messages", Drafts: "Drafts",
		Password: "an app-specific password (https://account.apple.com → Sign-In and Security → App-Specific Passwords)",
		Domains:  []string{"icloud.com", "me.com"},
	},
	"yahoo": {
		Name: "yahoo", Title: "Yahoo Mail",
		IMAP: Endpoint{"imap.mail.yahoo.com", 993, "tls"}, SMTP: Endpoint{"smtp.mail.yahoo.com", 465, "tls"},
		Sent: "Sent", Drafts: "Draft",
		Password: "an app password (Yahoo Account security → Generate app password)",
		Domains:  []string{"yahoo."},
	},
	"fastmail": {
		Name: "fastmail", Title: "Fastmail",
		IMAP: Endpoint{"imap.fastmail.com", 993, "tls"}, SMTP: Endpoint{"smtp.fastmail.com", 465, "tls"},
		Sent: "Sent", Drafts: "Drafts",
		Password: "an app password (Fastmail Settings → Privacy & Security → App passwords)",
		Domains:  []string{"fastmail."},
	},
	"proton-bridge": {
		Name: "proton-bridge", Title: "Proton Mail Bridge",
		IMAP: Endpoint{"127.0.0.1", 1143, "starttls"}, SMTP: Endpoint{"127.0.0.1", 1025, "starttls"},
		Sent: "Sent", Drafts: "Drafts", FilesSent: true,
		Password: "the password Proton Mail Bridge shows for the address (and ca_file: the certificate Bridge exports under Settings → Export TLS certificates)",
	},
}

// PresetNames lists the presets, sorted.
func PresetNames() []string {
	names := make([]string, 0, len(Presets))
	for n := range Presets {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// PresetForAddress returns the preset an email address's domain chooses
// by itself (gmail.com → gmail), or nil where the domain says nothing
// for sure (a school's own domain may be on Google or Microsoft).
func PresetForAddress(addr string) *Preset {
	at := strings.LastIndexByte(addr, '@')
	if at < 0 {
		return nil
	}
	domain := strings.ToLower(addr[at+1:])
	for _, name := range PresetNames() {
		p := Presets[name]
		for _, d := range p.Domains {
			if domain == d || strings.HasSuffix(d, ".") && strings.HasPrefix(domain, d) && publicSuffix.MatchString(domain[len(d):]) {
				return p
			}
		}
	}
	return nil
}

// Resolution records what the presets did, for `check`.
type Resolution struct {
	IMAP, SMTP *Preset // the preset of each section; nil for none
	Inferred   bool    // chosen from the applicant's email domain
	Filled     []string
	// SMTPSecretCopied: [smtp] names no secret and uses [imap]'s.
	SMTPSecretCopied bool
}

// fill sets *dst to v when it is unset, noting the key.
func (r *Resolution) fill(key string, dst *string, v string) {
	if *dst == "" && v != "" {
		*dst = v
		r.Filled = append(r.Filled, key)
	}
}

// FilledByPreset reports whether the preset, not the file, set a key
// such as "imap.host".
func (c *Config) FilledByPreset(key string) bool {
	for _, k := range c.Resolved.Filled {
		if k == key {
			return true
		}
	}
	return false
}

// applyPresets fills unset keys from the provider presets. It runs
// before the general defaults.
func (c *Config) applyPresets() {
	r := &c.Resolved
	top := c.Provider
	if top == "" && c.IMAP.Host == "" && c.SMTP.Host == "" {
		if p := PresetForAddress(c.Applicant.Email); p != nil {
			top, r.Inferred = p.Name, true
		}
	}
	pick := func(own string) *Preset {
		if own == "" {
			own = top
		}
		return Presets[own] // nil for "" and for unknown names (validate reports them)
	}
	r.IMAP, r.SMTP = pick(c.IMAP.Provider), pick(c.SMTP.Provider)
	if p := r.IMAP; p != nil {
		fillEndpoint(r, "imap", &c.IMAP.Host, &c.IMAP.Port, &c.IMAP.Security, p.IMAP)
		r.fill("imap.sent_fallback", &c.IMAP.SentFallback, p.Sent)
		r.fill("imap.drafts_fallback", &c.IMAP.DraftsFallback, p.Drafts)
		r.fill("portals.authserv_id", &c.Portals.AuthservID, p.AuthservID)
	}
	if p := r.SMTP; p != nil {
		fillEndpoint(r, "smtp", &c.SMTP.Host, &c.SMTP.Port, &c.SMTP.Security, p.SMTP)
		if p.FilesSent {
			r.fill("smtp.sent_copy", &c.SMTP.SentCopy, "none")
		}
	}
}

func fillEndpoint(r *Resolution, sec string, host *string, port *int, security *string, e Endpoint) {
	r.fill(sec+".host", host, e.Host)
	r.fill(sec+".security", security, e.Security)
	if *port == 0 && *security == e.Security {
		*port = e.Port
		r.Filled = append(r.Filled, sec+".port")
	}
}

// resolveAuth decides how each section signs in and fills the [oauth]
// table from the preset. It runs after the general defaults.
func (c *Config) resolveAuth() {
	r := &c.Resolved
	p := r.IMAP
	if p == nil || p.OAuth == nil {
		p = r.SMTP
	}
	o := &c.OAuth
	if p != nil && p.OAuth != nil {
		op := p.OAuth
		tenant := o.Tenant
		if tenant == "" {
			tenant = op.Tenant
		}
		sub := func(u string) string { return strings.ReplaceAll(u, "{tenant}", tenant) }
		r.fill("oauth.auth_url", &o.AuthURL, sub(op.AuthURL))
		r.fill("oauth.token_url", &o.TokenURL, sub(op.TokenURL))
		r.fill("oauth.device_auth_url", &o.DeviceAuthURL, sub(op.DeviceAuthURL))
		r.fill("oauth.flow", &o.Flow, op.Flow)
		if len(o.Scopes) == 0 {
			o.Scopes = op.Scopes
		}
		o.Issuer, o.ID, o.Params, o.RedirectHost, o.TestingLimit = op.Issuer, strings.ToLower(op.Issuer), op.Params, op.RedirectHost, op.TestingLimit
	} else if o.TokenURL != "" {
		o.Issuer, o.ID = hostOf(o.TokenURL), o.TokenURL
	}
	if o.Flow == "" {
		o.Flow = "browser"
	}
	if o.RedirectHost == "" {
		o.RedirectHost = "127.0.0.1"
	}
	for _, s := range []struct {
		sec    string
		secret *Secret
		p      *Preset
	}{{"imap", &c.IMAP.Secret, r.IMAP}, {"smtp", &c.SMTP.Secret, r.SMTP}} {
		sec := s.secret
		if sec.Auth != "" || sec.PasswordEnv != "" || sec.PasswordCmd != "" || sec.PasswordKeyring || sec.OAuth2TokenCmd != "" {
			continue
		}
		byDefault := s.p != nil && s.p.OAuthByDefault
		possible := o.TokenURL != "" && o.ClientID != ""
		if byDefault || possible {
			sec.Auth = "oauth2"
			r.Filled = append(r.Filled, s.sec+".auth")
		}
	}
	for _, s := range []struct {
		sec    string
		secret *Secret
		p      *Preset
	}{{"imap", &c.IMAP.Secret, r.IMAP}, {"smtp", &c.SMTP.Secret, r.SMTP}} {
		if s.secret.usesToken() && s.p != nil && len(s.p.Mechanisms) > 0 {
			r.fill(s.sec+".oauth2_mechanism", &s.secret.OAuth2Mechanism, s.p.Mechanisms[0])
		}
	}
}

func hostOf(u string) string {
	rest := u
	if i := strings.Index(rest, "://"); i >= 0 {
		rest = rest[i+3:]
	}
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	return rest
}

// validateProvider checks the provider keys.
func (c *Config) validateProvider(ps *Problems) {
	for _, k := range []struct{ path, v string }{{"provider", c.Provider}, {"imap.provider", c.IMAP.Provider}, {"smtp.provider", c.SMTP.Provider}} {
		if k.v == "" || Presets[k.v] != nil {
			continue
		}
		msg := fmt.Sprintf("%s %q is not one of %s", k.path, k.v, strings.Join(PresetNames(), ", "))
		if s := Nearest(k.v, PresetNames()); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		ps.add(k.path, "%s", msg)
	}
	switch c.Secrets {
	case "auto", "keyring", "file":
	default:
		ps.add("secrets", "secrets must be auto, keyring or file, not %q", c.Secrets)
	}
	singleLine(ps, "portals.authserv_id", c.Portals.AuthservID)
}
