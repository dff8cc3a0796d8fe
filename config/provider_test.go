package config

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// providerConfig is a valid config with the given address, top-level
// keys and tables.
func providerConfig(t *testing.T, email, top, tables string) (*Config, error) {
	t.Helper()
	dir := t.TempDir()
	text := top + `
[applicant]
name = "Amara Okafor"
email = "` + email + `"
aamc_id = "1"
specialty = "Diagnostic Radiology"
cycle = "ERAS 2027"
deadline = 2027-09-01
` + tables + `
[[writer]]
id = "smith"
name = "Dr. Jane Smith"
email = "jsmith@hospital.example"
field = "radiology"
experience = "CT rotation"
experience_start = 2026-06-01
experience_end = 2026-06-28
`
	path := filepath.Join(dir, "lk.toml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return Load(path)
}

func mustLoad(t *testing.T, email, top, tables string) *Config {
	t.Helper()
	c, err := providerConfig(t, email, top, tables)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// problems returns the load's problems as "LINE: message" strings.
func problems(t *testing.T, email, top, tables string) []string {
	t.Helper()
	_, err := providerConfig(t, email, top, tables)
	var ce *Error
	if !errors.As(err, &ce) {
		t.Fatalf("load: %v, want problems", err)
	}
	var out []string
	for _, p := range ce.Problems {
		out = append(out, strconv.Itoa(p.Line)+": "+p.Msg)
	}
	return out
}

func hasProblem(list []string, prefix, text string) bool {
	for _, p := range list {
		if strings.HasPrefix(p, prefix) && strings.Contains(p, text) {
			return true
		}
	}
	return false
}

// TestPresetsResolve: each preset fills what it documents.
func TestPresetsResolve(t *testing.T) {
	cases := []struct {
		provider               string
		imap, smtp             Endpoint
		sent, drafts, sentCopy string
		authserv               string
		oauth                  bool // signs in with OAuth2 without being told
	}{
		{"gmail", Endpoint{"imap.gmail.com", 993, "tls"}, Endpoint{"smtp.gmail.com", 465, "tls"}, "[Gmail]/Sent Mail", "[Gmail]/Drafts", "none", "mx.google.com", false},
		{"outlook", Endpoint{"outlook.office365.com", 993, "tls"}, Endpoint{"smtp-mail.outlook.com", 587, "starttls"}, "Sent", "Drafts", "none", "", true},
		{"microsoft365", Endpoint{"outlook.office365.com", 993, "tls"}, Endpoint{"smtp.office365.com", 587, "starttls"}, "Sent Items", "Drafts", "none", "", true},
		{"icloud", Endpoint{"imap.mail.me.com", 993, "tls"}, Endpoint{"smtp.mail.me.com", 587, "starttls"}, "Sent Messages", "Drafts", "auto", "", false},
		{"yahoo", Endpoint{"imap.mail.yahoo.com", 993, "tls"}, Endpoint{"smtp.mail.yahoo.com", 465, "tls"}, "Sent", "Draft", "auto", "", false},
		{"fastmail", Endpoint{"imap.fastmail.com", 993, "tls"}, Endpoint{"smtp.fastmail.com", 465, "tls"}, "Sent", "Drafts", "auto", "", false},
		{"proton-bridge", Endpoint{"127.0.0.1", 1143, "starttls"}, Endpoint{"127.0.0.1", 1025, "starttls"}, "Sent", "Drafts", "none", "", false},
	}
	for _, tc := range cases {
		t.Run(tc.provider, func(t *testing.T) {
			top := "provider = \"" + tc.provider + "\"\n"
			tables := "[imap]\npassword_env = \"PW\"\n"
			oauthTable := "[oauth]\nclient_id = \"my-client\"\n"
			if tc.oauth {
				tables = oauthTable
			}
			c := mustLoad(t, "amara@school.example", top, tables)
			if got := (Endpoint{c.IMAP.Host, c.IMAP.Port, c.IMAP.Security}); got != tc.imap {
				t.Errorf("imap %+v, want %+v", got, tc.imap)
			}
			if got := (Endpoint{c.SMTP.Host, c.SMTP.Port, c.SMTP.Security}); got != tc.smtp {
				t.Errorf("smtp %+v, want %+v", got, tc.smtp)
			}
			if c.IMAP.SentFallback != tc.sent || c.IMAP.DraftsFallback != tc.drafts || c.IMAP.SentMailbox != "" {
				t.Errorf("folders %q %q (sent_mailbox %q)", c.IMAP.SentFallback, c.IMAP.DraftsFallback, c.IMAP.SentMailbox)
			}
			if c.SMTP.SentCopy != tc.sentCopy || c.Portals.AuthservID != tc.authserv {
				t.Errorf("sent_copy %q, authserv_id %q", c.SMTP.SentCopy, c.Portals.AuthservID)
			}
			if tc.oauth != (c.IMAP.Auth == "oauth2" && c.SMTP.Auth == "oauth2") {
				t.Errorf("auth %q/%q", c.IMAP.Auth, c.SMTP.Auth)
			}
			if c.IMAP.Username != "amara@school.example" || c.SMTP.Username != c.IMAP.Username {
				t.Errorf("usernames %q %q", c.IMAP.Username, c.SMTP.Username)
			}
		})
	}
}

func TestProviderInferredFromAddress(t *testing.T) {
	for addr, want := range map[string]string{
		"a@gmail.com": "gmail", "a@googlemail.com": "gmail", "a@outlook.com": "outlook", "a@hotmail.com": "outlook",
		"a@hotmail.co.uk": "outlook", "a@live.com": "outlook", "a@icloud.com": "icloud", "a@me.com": "icloud",
		"a@yahoo.com": "yahoo", "a@yahoo.co.jp": "yahoo", "a@fastmail.com": "fastmail", "a@fastmail.fm": "fastmail",
		"a@hospital.org": "", "a@yahoo.evil.example": "", "a@notgmail.com": "",
	} {
		got := ""
		if p := PresetForAddress(addr); p != nil {
			got = p.Name
		}
		if got != want {
			t.Errorf("%s: %q, want %q", addr, got, want)
		}
	}
	// No [imap] or [smtp] table at all: the address says it all.
	c := mustLoad(t, "amara@outlook.com", "", "[oauth]\nclient_id = \"c\"\n")
	if !c.Resolved.Inferred || c.Resolved.IMAP.Name != "outlook" || c.IMAP.Host != "outlook.office365.com" || c.IMAP.Auth != "oauth2" {
		t.Errorf("inferred: %+v, host %s, auth %s", c.Resolved, c.IMAP.Host, c.IMAP.Auth)
	}
	if c.OAuth.DeviceAuthURL != "https://login.microsoftonline.com/consumers/oauth2/v2.0/devicecode" || c.OAuth.Flow != "device" ||
		!contains(c.OAuth.Scopes, "offline_access") || c.IMAP.OAuth2Mechanism != "xoauth2" {
		t.Errorf("oauth %+v, mechanism %q", c.OAuth, c.IMAP.OAuth2Mechanism)
	}
	// A host set by hand means no guessing.
	c = mustLoad(t, "amara@gmail.com", "", "[imap]\nhost = \"mail.example.org\"\npassword_env = \"PW\"\n[smtp]\nhost = \"mail.example.org\"\n")
	if c.Resolved.IMAP != nil || c.IMAP.Port != 993 || c.SMTP.SentCopy != "auto" {
		t.Errorf("explicit host still got a preset: %+v", c.Resolved)
	}
}

// TestPresetKeyByKey: any key can still be set; the preset fills the rest.
func TestPresetKeyByKey(t *testing.T) {
	c := mustLoad(t, "amara@gmail.com", "provider = \"gmail\"\n", `[imap]
host = "127.0.0.1"
port = 1993
password_env = "PW"
sent_mailbox = "Sent"
[smtp]
security = "starttls"
sent_copy = "append"
[portals]
authserv_id = "mx.example.org"
`)
	if c.IMAP.Host != "127.0.0.1" || c.IMAP.Port != 1993 || c.IMAP.Security != "tls" || c.IMAP.SentMailbox != "Sent" {
		t.Errorf("imap %+v", c.IMAP)
	}
	// starttls is not the preset's security, so not its port either.
	if c.SMTP.Host != "smtp.gmail.com" || c.SMTP.Security != "starttls" || c.SMTP.Port != 587 || c.SMTP.SentCopy != "append" {
		t.Errorf("smtp %s %d %s %s", c.SMTP.Host, c.SMTP.Port, c.SMTP.Security, c.SMTP.SentCopy)
	}
	if c.Portals.AuthservID != "mx.example.org" || c.FilledByPreset("imap.host") || !c.FilledByPreset("smtp.host") {
		t.Errorf("authserv_id %q, filled %v", c.Portals.AuthservID, c.Resolved.Filled)
	}
	// One section from another provider.
	c = mustLoad(t, "amara@gmail.com", "", "[imap]\npassword_env = \"PW\"\n[smtp]\nprovider = \"fastmail\"\n")
	if c.IMAP.Host != "imap.gmail.com" || c.SMTP.Host != "smtp.fastmail.com" {
		t.Errorf("per-section provider: %s, %s", c.IMAP.Host, c.SMTP.Host)
	}
}

// TestGmailSignIn: Gmail takes an app password, or OAuth2 once the
// applicant has a client ID; without either, the problem says both ways.
func TestGmailSignIn(t *testing.T) {
	ps := problems(t, "amara@gmail.com", "", "")
	if !hasProblem(ps, "0: ", "Gmail needs an app password") || !hasProblem(ps, "0: ", "[oauth] client_id") {
		t.Errorf("problems: %v", ps)
	}
	c := mustLoad(t, "amara@gmail.com", "", "[oauth]\nclient_id = \"123.apps.googleusercontent.com\"\nclient_secret = \"GOCSPX-x\"\n")
	if c.IMAP.Auth != "oauth2" || c.SMTP.Auth != "oauth2" || c.OAuth.Flow != "browser" || c.OAuth.Issuer != "Google" ||
		c.OAuth.TokenURL != "https://oauth2.googleapis.com/token" || !c.OAuth.TestingLimit || c.OAuth.Params["access_type"] != "offline" {
		t.Errorf("gmail oauth: auth %q, %+v", c.IMAP.Auth, c.OAuth)
	}
	c = mustLoad(t, "amara@gmail.com", "", "[imap]\npassword_env = \"GMAIL_APP_PASSWORD\"\n")
	if c.IMAP.Auth != "" || c.SMTP.PasswordEnv != "GMAIL_APP_PASSWORD" {
		t.Errorf("app password: auth %q, smtp %+v", c.IMAP.Auth, c.SMTP.Secret)
	}
	ps = problems(t, "amara@gmail.com", "", "[oauth]\nclient_id = \"c\"\nflow = \"device\"\n")
	if !hasProblem(ps, "11: ", "Google does not allow the device-code sign-in") {
		t.Errorf("problems: %v", ps)
	}
}

// TestProviderProblems: each mistake is reported with its line.
func TestProviderProblems(t *testing.T) {
	ps := problems(t, "amara@school.example", "provider = \"gmial\"\nsecrets = \"vault\"\n", "[imap]\npassword_env = \"PW\"\n")
	if !hasProblem(ps, "1: ", `provider "gmial" is not one of fastmail, gmail,`) || !hasProblem(ps, "1: ", `did you mean "gmail"?`) ||
		!hasProblem(ps, "2: ", "secrets must be auto, keyring or file") {
		t.Errorf("problems: %v", ps)
	}
	// Microsoft without a client of one's own.
	ps = problems(t, "amara@hotmail.com", "", "[imap]\nusername = \"amara@hotmail.com\"\n")
	if !hasProblem(ps, "9: ", "[oauth] client_id is missing: signing in with Microsoft needs an OAuth client of your own") {
		t.Errorf("problems: %v", ps)
	}
	ps = problems(t, "amara@hotmail.com", "", "[imap]\noauth2_mechanism = \"oauthbearer\"\n[oauth]\nclient_id = \"c\"\n")
	if !hasProblem(ps, "10: ", "imap.oauth2_mechanism: Outlook.com accepts xoauth2 only") {
		t.Errorf("problems: %v", ps)
	}
	ps = problems(t, "amara@icloud.com", "", "[imap]\nauth = \"oauth2\"\n")
	if !hasProblem(ps, "10: ", "iCloud Mail does not let other apps sign in with OAuth2") || !hasProblem(ps, "10: ", "app-specific password") || len(ps) != 1 {
		t.Errorf("problems: %v", ps)
	}
	ps = problems(t, "amara@school.example", "", `[imap]
host = "imap.school.example"
auth = "oauth2"
password_env = "PW"
[oauth]
client_id = "c"
token_url = "http://auth.school.example/token"
`)
	if !hasProblem(ps, "11: ", "remove password_env") || !hasProblem(ps, "15: ", "must be an https:// address") ||
		!hasProblem(ps, "13: ", "[oauth] auth_url is missing") {
		t.Errorf("problems: %v", ps)
	}
}

// TestOAuthForAnyServer: a server without a preset signs in with the
// endpoints given by hand (the integration tests' authorization server).
func TestOAuthForAnyServer(t *testing.T) {
	c := mustLoad(t, "amara@school.example", "secrets = \"file\"\n", `[imap]
host = "127.0.0.1"
auth = "oauth2"
oauth2_mechanism = "oauthbearer"
[smtp]
host = "127.0.0.1"
[oauth]
client_id = "c"
flow = "device"
device_auth_url = "http://127.0.0.1:9/device"
token_url = "http://127.0.0.1:9/token"
scopes = ["mail"]
`)
	if c.SMTP.Auth != "oauth2" || c.SMTP.OAuth2Mechanism != "oauthbearer" || c.OAuth.Issuer != "127.0.0.1:9" || c.Secrets != "file" {
		t.Errorf("smtp %+v, oauth %+v", c.SMTP.Secret, c.OAuth)
	}
	if c.IMAP.Secret.mechanism() != "OAUTHBEARER" {
		t.Errorf("mechanism %s", c.IMAP.Secret.mechanism())
	}
}

// TestAppPasswordProviders: a provider without OAuth2 sign-in for other
// apps says where to make the app password it needs.
func TestAppPasswordProviders(t *testing.T) {
	for addr, want := range map[string]string{
		"amara@icloud.com":   "iCloud Mail needs an app-specific password (https://account.apple.com",
		"amara@yahoo.com":    "Yahoo Mail needs an app password (Yahoo Account security",
		"amara@fastmail.com": "Fastmail needs an app password (Fastmail Settings",
	} {
		if ps := problems(t, addr, "", ""); !hasProblem(ps, "0: ", want) {
			t.Errorf("%s: %v", addr, ps)
		}
	}
}

// TestTokenCommandStillWorks: oauth2_token_cmd gives a token per login.
func TestTokenCommandStillWorks(t *testing.T) {
	c := mustLoad(t, "amara@gmail.com", "", "[imap]\noauth2_token_cmd = \"printf ya29.from-my-tool\"\n")
	cred, err := c.SMTP.Credential(context.Background(), "smtp", c.SMTP.Username)
	if err != nil || cred.Token != "ya29.from-my-tool" || cred.Mechanism != "XOAUTH2" || cred.Password != "" {
		t.Errorf("credential %v, %v", cred, err)
	}
	if c.IMAP.Auth != "" || c.IMAP.OAuth2Mechanism != "xoauth2" {
		t.Errorf("auth %q, mechanism %q", c.IMAP.Auth, c.IMAP.OAuth2Mechanism)
	}
}
