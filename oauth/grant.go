package oauth

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"golang.org/x/oauth2"

	"github.com/lorkeeper/lorkeeper/secrets"
)

// Store keeps grants (secrets.Store does).
type Store interface {
	Get(key string) (string, error) // secrets.ErrNotFound when there is none
	Set(key, value string) (where string, err error)
}

// Grant is what a sign-in leaves: the refresh token, the latest access
// token, and the dates that explain a grant's end.
type Grant struct {
	RefreshToken string    `json:"refresh_token"`
	AccessToken  string    `json:"access_token,omitempty"`
	Expiry       time.Time `json:"expiry,omitzero"`   // of the access token
	Obtained     time.Time `json:"obtained,omitzero"` // when the access token was issued
	GrantedAt    time.Time `json:"granted_at"`        // when the applicant signed in
	// RefreshExpiry is when the provider said the refresh token ends
	// (Google's refresh_token_expires_in), if it did.
	RefreshExpiry time.Time `json:"refresh_expiry,omitzero"`
	ClientID      string    `json:"client_id"`
	Scope         string    `json:"scope,omitempty"`
}

// newGrant makes the grant of a sign-in's token response.
func newGrant(tok *oauth2.Token, p Provider, now time.Time) *Grant {
	g := &Grant{RefreshToken: tok.RefreshToken, GrantedAt: now, ClientID: p.ClientID}
	g.setAccess(tok, now)
	if s, ok := tok.Extra("refresh_token_expires_in").(float64); ok && s > 0 {
		g.RefreshExpiry = now.Add(time.Duration(s) * time.Second)
	} else if n, ok := tok.Extra("refresh_token_expires_in").(int64); ok && n > 0 {
		g.RefreshExpiry = now.Add(time.Duration(n) * time.Second)
	}
	if s, ok := tok.Extra("scope").(string); ok {
		g.Scope = s
	}
	return g
}

// setAccess records a new access token; an answer without expires_in
// is taken to last an hour, as Google's and Microsoft's do.
func (g *Grant) setAccess(tok *oauth2.Token, now time.Time) {
	g.AccessToken, g.Obtained = tok.AccessToken, now
	switch {
	case tok.ExpiresIn > 0: // on lorkeeper's clock, not the library's
		g.Expiry = now.Add(time.Duration(tok.ExpiresIn) * time.Second)
	case !tok.Expiry.IsZero():
		g.Expiry = now.Add(time.Until(tok.Expiry))
	default:
		g.Expiry = now.Add(time.Hour)
	}
}

// fresh reports whether the access token is good for a while yet: more
// than a quarter of its life (at most five minutes) remains.
func (g *Grant) fresh(now time.Time) bool {
	if g.AccessToken == "" {
		return false
	}
	margin := min(5*time.Minute, g.Expiry.Sub(g.Obtained)/4)
	return now.Add(margin).Before(g.Expiry)
}

// TestingSuspect reports whether the end of this grant at now looks like
// Google's 7-day limit for apps in "Testing".
func (g *Grant) testingSuspect(now time.Time) bool {
	if !g.RefreshExpiry.IsZero() {
		return g.RefreshExpiry.Sub(g.GrantedAt) <= TestingLife+time.Hour && !now.Before(g.RefreshExpiry.Add(-time.Hour))
	}
	end := g.GrantedAt.Add(TestingLife)
	// It worked until the 7-day mark and failed after it.
	return !now.Before(end.Add(-time.Hour)) && g.Obtained.Before(end)
}

func loadGrant(st Store, key string) (*Grant, error) {
	v, err := st.Get(key)
	if errors.Is(err, secrets.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	g := &Grant{}
	if err := json.Unmarshal([]byte(v), g); err != nil || g.RefreshToken == "" {
		return nil, errors.New("the stored sign-in is damaged")
	}
	return g, nil
}

func saveGrant(st Store, key string, g *Grant) (string, error) {
	data, err := json.Marshal(g)
	if err != nil {
		return "", fmt.Errorf("save sign-in: %w", err)
	}
	return st.Set(key, string(data))
}

// Save keeps the grant of a sign-in for user, and says where.
func Save(st Store, p Provider, user string, g *Grant) (string, error) {
	return saveGrant(st, p.Key(user), g)
}
