package config

import (
	"context"
	"errors"
	"net/url"
	"strings"
)

// OAuth is the [oauth] table: the applicant's own OAuth2 client, with
// which `lorkeeper login` signs in to their mailbox. A provider preset
// fills the endpoints and scopes; only client_id (and for Google
// client_secret) is the applicant's.
type OAuth struct {
	ClientID string `toml:"client_id"`
	// ClientSecret: Google gives "Desktop app" clients one and says it is
	// not treated as a secret for installed apps, so it may sit here.
	ClientSecret  string   `toml:"client_secret"`
	Flow          string   `toml:"flow"`   // browser (code + PKCE, loopback) | device (device code)
	Tenant        string   `toml:"tenant"` // Microsoft: consumers | organizations | common | a tenant ID
	AuthURL       string   `toml:"auth_url"`
	TokenURL      string   `toml:"token_url"`
	DeviceAuthURL string   `toml:"device_auth_url"`
	Scopes        []string `toml:"scopes"`

	Issuer       string            `toml:"-"` // "Google", "Microsoft" or the token URL's host, for messages
	ID           string            `toml:"-"` // names the grant in the secrets store
	Params       map[string]string `toml:"-"` // extra authorization-request parameters
	RedirectHost string            `toml:"-"` // host of the loopback redirect URI
	TestingLimit bool              `toml:"-"` // see OAuthPreset
}

// TokenSource gives OAuth2 access tokens for a mailbox (oauth.Source
// does). Its errors never contain a token.
type TokenSource interface {
	// Token returns an access token valid for a while yet, refreshing
	// it first when it is about to expire.
	Token(ctx context.Context) (string, error)
	// Refresh returns a new access token even if the last one looked
	// valid: the server refused it.
	Refresh(ctx context.Context) (string, error)
}

// ErrSignIn marks an error that only the applicant can fix by signing in
// again (a revoked or expired grant, no grant at all): retrying soon will
// not help. Errors that match it carry a message fit to show as is.
var ErrSignIn = errors.New("sign-in needed")

// UsesOAuth reports whether either server signs in with `lorkeeper
// login`'s tokens.
func (c *Config) UsesOAuth() bool { return c.IMAP.Auth == "oauth2" || c.SMTP.Auth == "oauth2" }

// usesToken reports whether the section logs in with an OAuth2 token.
func (s Secret) usesToken() bool { return s.Auth == "oauth2" || s.OAuth2TokenCmd != "" }

// mechanism is the SASL mechanism of a token login.
func (s Secret) mechanism() string {
	if s.OAuth2Mechanism == "" {
		return "XOAUTH2"
	}
	return strings.ToUpper(s.OAuth2Mechanism)
}

// validateSecret checks how a section signs in.
func (c *Config) validateSecret(ps *Problems, sec string, s Secret, p *Preset) {
	if sec == "smtp" && c.Resolved.SMTPSecretCopied && c.Resolved.SMTP == c.Resolved.IMAP {
		return // [imap]'s, reported there
	}
	n := 0
	for _, v := range []string{s.PasswordEnv, s.PasswordCmd, s.OAuth2TokenCmd} {
		if v != "" {
			n++
		}
	}
	if s.PasswordKeyring {
		n++
	}
	switch s.Auth {
	case "", "password":
		switch {
		case n == 0 && p != nil && p.OAuth != nil:
			ps.add(sec, "%s: no secret: %s needs %s set with password_env or password_cmd, or OAuth2 sign-in: set [oauth] client_id and run `lorkeeper login` (README, \"Connect your mailbox\")", sec, p.Title, p.Password)
		case n == 0 && p != nil:
			ps.add(sec, "%s: no secret: %s needs %s, set with password_env or password_cmd", sec, p.Title, p.Password)
		case n == 0:
			ps.add(sec, "%s: no secret: set password_env, password_cmd or oauth2_token_cmd, or auth = \"oauth2\" and run `lorkeeper login`", sec)
		case n > 1:
			ps.add(sec, "%s: set only one of password_env, password_cmd, password_keyring and oauth2_token_cmd", sec)
		case s.Auth == "password" && s.OAuth2TokenCmd != "":
			ps.add(sec+".auth", "%s: auth = \"password\" but oauth2_token_cmd gives a token; remove one", sec)
		}
	case "oauth2":
		if n > 0 {
			ps.add(sec+".auth", "%s: auth = \"oauth2\" signs in with the tokens of `lorkeeper login`; remove password_env, password_cmd, password_keyring and oauth2_token_cmd", sec)
		}
		if p != nil && p.OAuth == nil {
			ps.add(sec+".auth", "%s: %s does not let other apps sign in with OAuth2; it needs %s, set with password_env or password_cmd", sec, p.Title, p.Password)
		}
	default:
		ps.add(sec+".auth", "%s.auth must be password or oauth2, not %q", sec, s.Auth)
	}
	switch s.OAuth2Mechanism {
	case "", "xoauth2", "oauthbearer":
		if s.OAuth2Mechanism != "" && p != nil && len(p.Mechanisms) > 0 && !contains(p.Mechanisms, s.OAuth2Mechanism) {
			ps.add(sec+".oauth2_mechanism", "%s.oauth2_mechanism: %s accepts %s only", sec, p.Title, strings.Join(p.Mechanisms, " and "))
		}
	default:
		ps.add(sec+".oauth2_mechanism", "%s.oauth2_mechanism must be xoauth2 or oauthbearer, not %q", sec, s.OAuth2Mechanism)
	}
}

// validateOAuth checks the [oauth] table when a server signs in with it.
func (c *Config) validateOAuth(ps *Problems) {
	if !c.UsesOAuth() {
		return
	}
	for _, p := range []*Preset{c.Resolved.IMAP, c.Resolved.SMTP} {
		if p != nil && p.OAuth == nil {
			return // the section's problem says to use a password
		}
	}
	o := c.OAuth
	who := "signing in"
	if o.Issuer != "" && c.Resolved.IMAP != nil {
		who = "signing in with " + o.Issuer
	}
	at := "oauth"
	if c.Line("oauth") == 0 {
		at = "imap.auth" // no [oauth] table: point at what asked for it
	}
	if strings.TrimSpace(o.ClientID) == "" {
		ps.add(at, "[oauth] client_id is missing: %s needs an OAuth client of your own (README, \"Connect your mailbox\", says how to make one)", who)
	}
	if o.TokenURL == "" {
		ps.add(at, "[oauth] token_url is missing (or set provider)")
	}
	for _, k := range []struct{ key, v string }{{"auth_url", o.AuthURL}, {"token_url", o.TokenURL}, {"device_auth_url", o.DeviceAuthURL}} {
		if k.v != "" && !safeURL(k.v) {
			ps.add("oauth."+k.key, "oauth.%s must be an https:// address (http:// only on this machine), not %q", k.key, k.v)
		}
	}
	switch o.Flow {
	case "browser":
		if o.AuthURL == "" {
			ps.add(at, "[oauth] auth_url is missing: the browser sign-in needs it")
		}
	case "device":
		if o.DeviceAuthURL == "" && o.Issuer == "Google" {
			ps.add("oauth.flow", "oauth.flow: Google does not allow the device-code sign-in for mail; use flow = \"browser\"")
		} else if o.DeviceAuthURL == "" {
			ps.add(at, "[oauth] device_auth_url is missing: the device-code sign-in needs it")
		}
	default:
		ps.add("oauth.flow", "oauth.flow must be browser or device, not %q", o.Flow)
	}
	if len(o.Scopes) == 0 {
		ps.add(at, "[oauth] scopes is missing: the permissions to ask for")
	}
	singleLine(ps, "oauth.client_id", o.ClientID)
	singleLine(ps, "oauth.client_secret", o.ClientSecret)
}

func safeURL(s string) bool {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return false
	}
	return u.Scheme == "https" || u.Scheme == "http" && IsLoopback(u.Hostname())
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// tokenCredential is the login of a section that signs in with the
// tokens of `lorkeeper login`. A sign-in error is returned as is: its
// message is the one to show ("Google sign-in expired — run `lorkeeper
// login`").
func (s Secret) tokenCredential(ctx context.Context, section, username string) (Credential, error) {
	c := Credential{Username: username, Mechanism: s.mechanism()}
	if s.Tokens == nil {
		return c, errors.New(section + ": OAuth2 sign-in is not set up (internal: no token source)")
	}
	tok, err := s.Tokens.Token(ctx)
	if err != nil {
		return c, err
	}
	c.Token = tok
	c.Refresh = func(ctx context.Context) (Credential, error) {
		n := Credential{Username: username, Mechanism: c.Mechanism}
		tok, err := s.Tokens.Refresh(ctx)
		if err != nil {
			return n, err
		}
		n.Token = tok
		return n, nil
	}
	return c, nil
}
