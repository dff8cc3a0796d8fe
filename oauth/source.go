package oauth

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"golang.org/x/oauth2"
)

// Source gives a mailbox's access tokens from its stored grant. It is
// safe for concurrent use; concurrent callers share one refresh.
//
// A grant the server declared dead (revoked, expired) is remembered: until
// `lorkeeper login` stores a new one, Token answers with the same
// *SignInError without asking the server again, so a retrying caller can
// never flood it.
type Source struct {
	provider Provider
	user     string
	store    Store
	log      *slog.Logger
	now      func() time.Time
	http     *http.Client

	mu     sync.Mutex
	grant  *Grant
	dead   *SignInError
	deadRT string // the refresh token found dead
	warned bool   // the coming end of the grant was logged
}

// NewSource returns the token source of user's grant with p, kept in st.
// now is the clock (nil: time.Now); hc the HTTP client (nil: one with a
// 30-second timeout).
func NewSource(p Provider, user string, st Store, log *slog.Logger, now func() time.Time, hc *http.Client) *Source {
	if now == nil {
		now = time.Now
	}
	if hc == nil {
		hc = defaultHTTP
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Source{provider: p, user: user, store: st, log: log, now: now, http: hc}
}

// Token returns an access token with a good while left, refreshing it
// first when a quarter of its life or less remains.
func (s *Source) Token(ctx context.Context) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g, err := s.load()
	if err != nil {
		return "", err
	}
	if g.fresh(s.now()) {
		s.warnEnd(g)
		return g.AccessToken, nil
	}
	tok, err := s.refresh(ctx, g)
	var se *SignInError
	if err != nil && !errors.As(err, &se) && ctx.Err() == nil && g.AccessToken != "" && s.now().Before(g.Expiry) {
		// The server is out of reach, but the token has time left.
		s.log.Warn("could not refresh the access token; using the current one while it lasts", "user", s.user, "err", err)
		return g.AccessToken, nil
	}
	return tok, err
}

// Refresh returns a new access token: the server refused the last one.
func (s *Source) Refresh(ctx context.Context) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g, err := s.load()
	if err != nil {
		return "", err
	}
	return s.refresh(ctx, g)
}

// load returns the grant, reading the store when there is none yet or
// the one held was found dead (a new sign-in may have replaced it).
func (s *Source) load() (*Grant, error) {
	if s.grant != nil && s.dead == nil {
		return s.grant, nil
	}
	g, err := loadGrant(s.store, s.provider.Key(s.user))
	if err != nil {
		return nil, fmt.Errorf("read %s for %s: %w", s.provider.name(), s.user, err)
	}
	if g == nil {
		return nil, &SignInError{Provider: s.provider, Reason: None}
	}
	if s.dead != nil {
		if g.RefreshToken == s.deadRT {
			return nil, s.dead
		}
		s.log.Info("new sign-in found; using it", "user", s.user)
		s.dead, s.deadRT, s.warned = nil, "", false
	}
	s.grant = g
	return g, nil
}

func (s *Source) refresh(ctx context.Context, g *Grant) (string, error) {
	ctx = context.WithValue(ctx, oauth2.HTTPClient, s.http)
	tok, err := s.provider.config("").TokenSource(ctx, &oauth2.Token{RefreshToken: g.RefreshToken}).Token()
	now := s.now()
	if err != nil {
		var re *oauth2.RetrieveError
		if errors.As(err, &re) {
			switch re.ErrorCode {
			case "invalid_grant":
				return "", s.die(g, &SignInError{Provider: s.provider, Reason: Expired, Code: re.ErrorCode, Testing: s.provider.TestingLimit && g.testingSuspect(now)})
			case "invalid_client", "unauthorized_client":
				return "", s.die(g, &SignInError{Provider: s.provider, Reason: Client, Code: re.ErrorCode})
			}
			status := ""
			if re.Response != nil {
				status = re.Response.Status
			}
			// Not re.Error(): it may quote the response body.
			return "", fmt.Errorf("refresh %s for %s: the server answered %s %s", s.provider.name(), s.user, status, re.ErrorCode)
		}
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		return "", fmt.Errorf("refresh %s for %s: %w", s.provider.name(), s.user, err)
	}
	g.setAccess(tok, now)
	if tok.RefreshToken != "" && tok.RefreshToken != g.RefreshToken {
		g.RefreshToken = tok.RefreshToken // Microsoft hands out a new one at times
	}
	if _, err := saveGrant(s.store, s.provider.Key(s.user), g); err != nil {
		// The token works in memory; a later save may succeed.
		s.log.Error("could not save the refreshed sign-in", "user", s.user, "err", err)
	}
	s.log.Info("access token refreshed", "user", s.user, "valid_for", g.Expiry.Sub(now).Round(time.Second))
	s.warnEnd(g)
	return g.AccessToken, nil
}

// die remembers a dead grant and logs why, once.
func (s *Source) die(g *Grant, e *SignInError) error {
	s.dead, s.deadRT = e, g.RefreshToken
	s.log.Error("sign-in ended", "user", s.user, "problem", e.Error())
	return e
}

// warnEnd logs, once, that the provider will end the grant within a day.
func (s *Source) warnEnd(g *Grant) {
	if s.warned || g.RefreshExpiry.IsZero() || s.now().Before(g.RefreshExpiry.Add(-24*time.Hour)) {
		return
	}
	s.warned = true
	s.log.Warn(s.provider.name()+" ends within a day; run `lorkeeper login` to renew it", "user", s.user, "ends", g.RefreshExpiry.Format(time.RFC3339))
}
