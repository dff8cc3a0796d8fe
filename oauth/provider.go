// Package oauth signs an applicant in to their mailbox with OAuth2 and
// keeps them signed in: the two sign-in flows of `lorkeeper login`
// (authorization code with PKCE and a loopback redirect, opened in the
// browser; the device code, for a machine without one), and a Source of
// access tokens that refreshes them before they expire and once more when
// a server refuses one.
//
// The grant (refresh token and the latest access token) lives in a
// secrets store, never in the state file; nothing here logs a token or
// puts one in an error.
package oauth

import (
	"log/slog"
	"net/http"
	"strings"
	"time"

	"golang.org/x/oauth2"

	"github.com/lorkeeper/lorkeeper/config"
)

// Provider is an OAuth2 authorization server and the applicant's client
// registered with it.
type Provider struct {
	Issuer                 string // "Google", "Microsoft", or a host: named in messages
	ID                     string // names the grant in the secrets store
	ClientID, ClientSecret string
	AuthURL, TokenURL      string
	DeviceAuthURL          string
	Scopes                 []string
	Params                 map[string]string // extra authorization-request parameters
	RedirectHost           string            // host of the loopback redirect URI
	Flow                   string            // browser | device
	// TestingLimit: an app left in "Testing" gets refresh tokens that
	// die after TestingLife (Google).
	TestingLimit bool
}

// TestingLife is how long Google keeps a grant to an app in "Testing".
const TestingLife = 7 * 24 * time.Hour

// FromConfig returns the provider of a config's [oauth] table, as the
// presets completed it.
func FromConfig(c *config.Config) Provider {
	o := c.OAuth
	return Provider{Issuer: o.Issuer, ID: o.ID, ClientID: o.ClientID, ClientSecret: o.ClientSecret,
		AuthURL: o.AuthURL, TokenURL: o.TokenURL, DeviceAuthURL: o.DeviceAuthURL, Scopes: o.Scopes,
		Params: o.Params, RedirectHost: o.RedirectHost, Flow: o.Flow, TestingLimit: o.TestingLimit}
}

// Key names a user's grant in the secrets store.
func (p Provider) Key(user string) string {
	return "oauth2:" + p.ID + ":" + strings.ToLower(user)
}

// name is how messages refer to the provider's sign-in: "Google
// sign-in", or "sign-in at auth.example" for a server without a preset.
func (p Provider) name() string {
	if p.Issuer == "" || strings.ContainsAny(p.Issuer, ".:") {
		return "sign-in at " + p.Issuer
	}
	return p.Issuer + " sign-in"
}

func (p Provider) config(redirect string) *oauth2.Config {
	return &oauth2.Config{ClientID: p.ClientID, ClientSecret: p.ClientSecret, Scopes: p.Scopes, RedirectURL: redirect,
		Endpoint: oauth2.Endpoint{AuthURL: p.AuthURL, TokenURL: p.TokenURL, DeviceAuthURL: p.DeviceAuthURL,
			// Installed apps send their client ID (and Google's
			// non-secret client secret) in the form.
			AuthStyle: oauth2.AuthStyleInParams}}
}

// defaultHTTP bounds every request to the authorization server.
var defaultHTTP = &http.Client{Timeout: 30 * time.Second}

// Attach gives each section of cfg that signs in with `lorkeeper login`
// its token source over st: one Source per username, shared by IMAP and
// SMTP, so both use (and refresh) the same access token.
func Attach(cfg *config.Config, st Store, log *slog.Logger) {
	if !cfg.UsesOAuth() {
		return
	}
	p := FromConfig(cfg)
	sources := map[string]*Source{}
	for _, s := range []struct {
		secret *config.Secret
		user   string
	}{{&cfg.IMAP.Secret, cfg.IMAP.Username}, {&cfg.SMTP.Secret, cfg.SMTP.Username}} {
		if s.secret.Auth != "oauth2" {
			continue
		}
		key := strings.ToLower(s.user)
		if sources[key] == nil {
			sources[key] = NewSource(p, s.user, st, log, nil, nil)
		}
		s.secret.Tokens = sources[key]
	}
}
